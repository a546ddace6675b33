/**
 * Behaviour flags that distinguish released versions sharing the same calculators. Each flag's values are
 * listed in RULES_BEHAVIOUR_VALUES (the data loader checks every version names one of them).
 *
 * `sicknessCapSelectedBy`:
 * - 'CHAIN_START_DATE' (correct, ij-rules §2 and §4): the sickness salary cap (1.8 / 1.4 × SMIC) and the
 *   published sickness maximum are those of the date the stoppage's chain started.
 * - 'PAID_DAY_DATE' (defect of 2026.1): they were chosen by the date of each paid day, so a sickness or
 *   therapeutic part-time stoppage that started before 2025-04-01 got the 1.4 × SMIC cap and the
 *   41.47 € maximum for their days from 2025-04-01.
 *
 * `prolongationAcrossKinds` (a stoppage whose `prolongationOf` names a stoppage of another kind):
 * - 'OWN_CHAIN' (2026.1, 2026.2): it starts a chain of its own, as when the ledger refused such a link
 *   (prolongation-kind-mismatch) and the therapeutic part-time was opened on its own.
 * - 'THERAPEUTIC_PART_TIME_CONTINUES_FULL_TIME' (ij-rules §3, 2026-11): a therapeutic part-time continues
 *   the sickness or occupational chain it prolongs, computed with the chain kind's calculator (reference
 *   salaries, parameter row, rates and day count), then capped at the daily loss of earnings.
 *
 * `continuationCertificate` (which certificate computes a stoppage that continues a chain):
 * - 'OWN_FIRST' (2026.1, 2026.2): its own certificate when it has one, else the chain root's.
 * - 'CHAIN_UNLESS_OWN_COVERS' (2026.3): its own only when it covers the chain's reference months (a
 *   corrected certificate for the chain), else the chain root's: a certificate recorded for months
 *   inside the full-time stoppage never replaces the chain's reference.
 *
 * `aldLimit` (long-term illness, ij-rules §4):
 * - 'PAID_DAYS_PER_AFFECTION' (2026.1, 2026.2): 1 095 paid days per affection that never reset.
 * - 'PERIOD_DATE_TO_DATE' (2026.3): a period of 3 years counted date to date from the affection's first
 *   paid day; a new period after at least 365 uncovered days between two stoppages of the affection.
 */
export interface RulesBehaviour {
  sicknessCapSelectedBy: 'CHAIN_START_DATE' | 'PAID_DAY_DATE';
  prolongationAcrossKinds: 'OWN_CHAIN' | 'THERAPEUTIC_PART_TIME_CONTINUES_FULL_TIME';
  continuationCertificate: 'OWN_FIRST' | 'CHAIN_UNLESS_OWN_COVERS';
  aldLimit: 'PAID_DAYS_PER_AFFECTION' | 'PERIOD_DATE_TO_DATE';
}

export const RULES_BEHAVIOUR_VALUES: { readonly [K in keyof RulesBehaviour]: readonly RulesBehaviour[K][] } = {
  sicknessCapSelectedBy: ['CHAIN_START_DATE', 'PAID_DAY_DATE'],
  prolongationAcrossKinds: ['OWN_CHAIN', 'THERAPEUTIC_PART_TIME_CONTINUES_FULL_TIME'],
  continuationCertificate: ['OWN_FIRST', 'CHAIN_UNLESS_OWN_COVERS'],
  aldLimit: ['PAID_DAYS_PER_AFFECTION', 'PERIOD_DATE_TO_DATE'],
};
