import { requireReleasedVersion } from './registry';

/**
 * Rules 2026.1 — DEFECTIVE, kept forever so that past payments replay to the cent. Same parameters and
 * calculators as 2026.2; only the behaviour flag sicknessCapSelectedBy differs (libs/rules/data/versions.json).
 */
export const RULES_2026_1 = requireReleasedVersion('2026.1');
