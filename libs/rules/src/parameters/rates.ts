import { CHECKED_AGAINST_SPEC, CHECKED_AGAINST_SPEC_3, CHECKED_ON } from './checked';
import type { Parameter } from './parameter';

const checked = { checkedOn: CHECKED_ON, checkedAgainst: CHECKED_AGAINST_SPEC_3 };

/** Rates and divisors are exact decimal strings: they only ever reach money through @ij/money. */
export interface SicknessRates {
  /** IJ = rate × SJB. */
  rate: string;
  /** SJB = 3 months ÷ divisor. */
  divisor: string;
}

export const SICKNESS_RATES: Parameter<SicknessRates> = {
  name: 'SICKNESS_RATES',
  description: 'Sickness (and therapeutic part-time) rate and daily-base divisor',
  values: [{ from: '2024-01-01', value: { rate: '0.5', divisor: '91.25' }, source: 'CSS R323-4 (50 % of SJB; SJB = 3 months ÷ 91.25)', ...checked }],
};

export interface OccupationalRates {
  upToDay28Rate: string;
  fromDay29Rate: string;
  /** The first indemnified day paid at the higher rate. */
  higherRateFromDay: number;
  /** SJR = last month ÷ divisor. */
  divisor: string;
  /** Ceiling: the daily IJ never exceeds the uncapped SJR × (1 − 21 %), the net daily earnings. */
  netEarningsRate: string;
}

export const OCCUPATIONAL_RATES: Parameter<OccupationalRates> = {
  name: 'OCCUPATIONAL_RATES',
  description: 'Occupational accident / disease rates, phase switch, divisor and net-earnings ceiling',
  values: [
    {
      from: '2024-01-01',
      value: { upToDay28Rate: '0.6', fromDay29Rate: '0.8', higherRateFromDay: 29, divisor: '30.42', netEarningsRate: '0.79' },
      source: 'CSS R433-1 (60 % days 1–28, 80 % from day 29), R433-4 (÷ 30.42; ceiling SJR × (1 − 21 %))',
      ...checked,
    },
  ],
};

export interface MaternityRates {
  /** IJ = SJB × (1 − 21 % flat deduction). */
  rate: string;
  divisor: string;
}

export const MATERNITY_RATES: Parameter<MaternityRates> = {
  name: 'MATERNITY_RATES',
  description: 'Maternity / paternity rate (after the 21 % flat deduction) and divisor',
  values: [{ from: '2024-01-01', value: { rate: '0.79', divisor: '91.25' }, source: 'CSS R331-5 (21 % flat deduction; 3 months ÷ 91.25)', ...checked }],
};

export interface SocialContributions {
  csgRate: string;
  crdsRate: string;
}

export const SOCIAL_CONTRIBUTIONS: Parameter<SocialContributions> = {
  name: 'SOCIAL_CONTRIBUTIONS',
  description: 'CSG and CRDS withheld on daily allowances',
  values: [
    {
      from: '2024-01-01',
      value: { csgRate: '0.062', crdsRate: '0.005' },
      source: 'CSS L136-8 (CSG 6.2 % on replacement income); Ordonnance n° 96-50 art. 14 (CRDS 0.5 %)',
      checkedOn: CHECKED_ON,
      checkedAgainst: CHECKED_AGAINST_SPEC,
    },
  ],
};
