import { CHECKED_AGAINST_SPEC, CHECKED_ON } from './checked';
import type { Parameter } from './parameter';

const checked = { checkedOn: CHECKED_ON, checkedAgainst: CHECKED_AGAINST_SPEC };

/**
 * Each sickness reference month is capped at this multiple of the monthly SMIC, chosen by the date the
 * stoppage (its chain) STARTS. The 1.8 row is given from 2024-01-01 only because ij-rules.md covers 2024–2026.
 */
export const SICKNESS_SALARY_CAP_SMIC_MULTIPLE: Parameter<string> = {
  name: 'SICKNESS_SALARY_CAP_SMIC_MULTIPLE',
  description: 'Sickness salary cap, as a multiple of the monthly SMIC',
  values: [
    { from: '2024-01-01', to: '2025-03-31', value: '1.8', source: 'CSS R323-4 (version before Décret n° 2025-160)', ...checked },
    { from: '2025-04-01', value: '1.4', source: 'CSS R323-4 as amended by Décret n° 2025-160 du 20 février 2025', ...checked },
  ],
};

/** The occupational daily base (SJR) is capped at this share of the PASS in force at the start. */
export const OCCUPATIONAL_DAILY_BASE_CAP_PASS_RATE: Parameter<string> = {
  name: 'OCCUPATIONAL_DAILY_BASE_CAP_PASS_RATE',
  description: 'Occupational SJR cap, as a share of the PASS',
  values: [{ from: '2024-01-01', value: '0.00834', source: 'CSS R433-2', ...checked }],
};
