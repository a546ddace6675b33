import { requireReleasedVersion } from './registry';

/** Rules 2026.2 — the fix of 2026.1's sickness-cap defect; the default version (libs/rules/data/versions.json). */
export const RULES_2026_2 = requireReleasedVersion('2026.2');

/** The parameters of ij-rules.md as released with 2026.1 and 2026.2 (unchanged between them). */
export const PARAMETERS_2026 = RULES_2026_2.parameters;
