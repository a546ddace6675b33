/**
 * Behaviour flags that distinguish released versions sharing the same calculators.
 *
 * `sicknessCapSelectedBy`:
 * - 'CHAIN_START_DATE' (correct, ij-rules §2 and §4): the sickness salary cap (1.8 / 1.4 × SMIC) and the
 *   published sickness maximum are those of the date the stoppage's chain started.
 * - 'PAID_DAY_DATE' (defect of 2026.1): they were chosen by the date of each paid day, so a sickness or
 *   therapeutic part-time stoppage that started before 2025-04-01 got the 1.4 × SMIC cap and the
 *   41.47 € maximum for its days from 2025-04-01.
 */
export interface RulesBehaviour {
  sicknessCapSelectedBy: 'CHAIN_START_DATE' | 'PAID_DAY_DATE';
}
