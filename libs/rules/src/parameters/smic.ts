import { CHECKED_AGAINST_SPEC, CHECKED_ON } from './checked';
import type { Parameter } from './parameter';

const checked = { checkedOn: CHECKED_ON, checkedAgainst: CHECKED_AGAINST_SPEC };

/** Monthly gross SMIC for 35 hours a week, in cents. Use the value in force on the last day of the month before the start (R323-4). */
export const SMIC_MONTHLY: Parameter<number> = {
  name: 'SMIC_MONTHLY',
  description: 'Monthly SMIC (35 h), gross, cents',
  values: [
    { from: '2023-05-01', to: '2023-12-31', value: 174_720, source: 'Code du travail L3231-5; arrêté du 26 avril 2023 (SMIC revaluation of 1 May 2023)', ...checked },
    { from: '2024-01-01', to: '2024-10-31', value: 176_692, source: 'Décret n° 2023-1216 du 20 décembre 2023 (SMIC on 1 January 2024)', ...checked },
    { from: '2024-11-01', to: '2025-12-31', value: 180_180, source: 'Décret n° 2024-951 du 23 octobre 2024 (SMIC on 1 November 2024, unchanged on 1 January 2025)', ...checked },
    { from: '2026-01-01', value: 182_303, source: 'SMIC revaluation of 1 January 2026 (decree as cited by ij-rules.md §2)', ...checked },
  ],
};
