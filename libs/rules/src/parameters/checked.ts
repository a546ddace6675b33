/**
 * The values below were last checked on this date against the product's reference (ij-rules.md §2,
 * which cites the official publications). No value has yet been re-checked here against Légifrance or
 * ameli.fr directly: `checkedAgainst` says so, so that an auditor knows what the check covered.
 */
export const CHECKED_ON = '2026-11-23';
export const CHECKED_AGAINST_SPEC = 'ij-rules.md §2 (product reference)';
export const CHECKED_AGAINST_SPEC_3 = 'ij-rules.md §3 (product reference)';
export const CHECKED_AGAINST_SPEC_4 = 'ij-rules.md §4 (product reference)';
