import { CHECKED_AGAINST_SPEC, CHECKED_ON } from './checked';
import type { Parameter } from './parameter';

const checked = { checkedOn: CHECKED_ON, checkedAgainst: CHECKED_AGAINST_SPEC };
const published = 'Published maximum daily IJ (ameli.fr), as listed in ij-rules.md §2';

/**
 * Published daily maxima, chosen by the start date of the stoppage's chain. They are authoritative:
 * when a cap binds on every reference month the daily IJ is the published figure itself (ij-rules §3).
 * parameters.spec.ts reproduces each of them from SMIC / PMSS / PASS as a cross-check of the data.
 */
export const SICKNESS_MAXIMUM_DAILY_ALLOWANCE: Parameter<number> = {
  name: 'SICKNESS_MAXIMUM_DAILY_ALLOWANCE',
  description: 'Sickness (and therapeutic part-time) maximum daily IJ, cents',
  values: [
    { from: '2024-01-01', to: '2024-01-31', value: 5_170, source: `${published}; derived from the 2023 SMIC (R323-4)`, ...checked },
    { from: '2024-02-01', to: '2024-11-30', value: 5_228, source: published, ...checked },
    { from: '2024-12-01', to: '2025-03-31', value: 5_331, source: published, ...checked },
    { from: '2025-04-01', to: '2026-01-31', value: 4_147, source: `${published}; Décret n° 2025-160 (1.4 × SMIC)`, ...checked },
    { from: '2026-02-01', value: 4_195, source: published, ...checked },
  ],
};

export interface OccupationalMaxima {
  /** Indemnified days 1–28 (60 % rate). */
  upToDay28Cents: number;
  /** Indemnified day 29 onwards (80 % rate). */
  fromDay29Cents: number;
}

export const OCCUPATIONAL_MAXIMUM_DAILY_ALLOWANCE: Parameter<OccupationalMaxima> = {
  name: 'OCCUPATIONAL_MAXIMUM_DAILY_ALLOWANCE',
  description: 'Occupational accident / disease maximum daily IJ, cents, per phase',
  values: [
    { from: '2024-01-01', to: '2024-12-31', value: { upToDay28Cents: 23_203, fromDay29Cents: 30_937 }, source: `${published}; CSS R433-1..R433-4`, ...checked },
    { from: '2025-01-01', to: '2025-12-31', value: { upToDay28Cents: 23_569, fromDay29Cents: 31_425 }, source: `${published}; CSS R433-1..R433-4`, ...checked },
    { from: '2026-01-01', value: { upToDay28Cents: 24_049, fromDay29Cents: 32_066 }, source: `${published}; CSS R433-1..R433-4`, ...checked },
  ],
};

export const MATERNITY_MAXIMUM_DAILY_ALLOWANCE: Parameter<number> = {
  name: 'MATERNITY_MAXIMUM_DAILY_ALLOWANCE',
  description: 'Maternity / paternity maximum daily IJ, cents',
  values: [
    { from: '2024-02-01', to: '2025-01-31', value: 10_036, source: `${published}; CSS R331-5`, ...checked },
    { from: '2025-02-01', to: '2026-01-31', value: 10_194, source: `${published}; CSS R331-5`, ...checked },
    { from: '2026-02-01', value: 10_402, source: `${published}; CSS R331-5`, ...checked },
  ],
};

/** ij-rules.md gives minima only for starts in 2025 and 2026: an earlier maternity start has no row. */
export const MATERNITY_MINIMUM_DAILY_ALLOWANCE: Parameter<number> = {
  name: 'MATERNITY_MINIMUM_DAILY_ALLOWANCE',
  description: 'Maternity / paternity minimum daily IJ, cents',
  values: [
    { from: '2025-01-01', to: '2025-12-31', value: 1_102, source: 'Published minimum daily IJ (ameli.fr), ij-rules.md §2; CSS R331-5', ...checked },
    { from: '2026-01-01', value: 1_112, source: 'Published minimum daily IJ (ameli.fr), ij-rules.md §2; CSS R331-5', ...checked },
  ],
};
