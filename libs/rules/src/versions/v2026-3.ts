import { requireReleasedVersion } from './registry';

/**
 * Rules 2026.3 — the corrections of ij-rules.md dated 2026-11 (prolongation gap, long-term illness period,
 * 2024 maternity bounds, therapeutic part-time continuing a full-time stoppage). Released, not active by
 * default: a supervisor activates it after reading its replay (libs/rules/data/versions.json).
 */
export const RULES_2026_3 = requireReleasedVersion('2026.3');
