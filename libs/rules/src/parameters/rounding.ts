import type { RoundingMode } from '@ij/money';

/** The rounding decision of ij-rules §3, kept as named parameters of a rules version (libs/rules/data/fixed-parameters.json). */
export interface RoundingModes {
  /** SJB / SJR: half-up to the cent. */
  dailyBase: RoundingMode;
  /** rate × daily base: truncated to the cent. */
  dailyAllowance: RoundingMode;
  /** A monthly salary cap (1.8 / 1.4 × SMIC): half-up to the cent (decision: 1.8 × 1 766.92 = 3 180.456 → 3 180.46). */
  salaryCap: RoundingMode;
  /** 0.834 % × PASS: half-up to the cent. */
  dailyBaseCap: RoundingMode;
  /** Net of CSG + CRDS: half-up, once per amount. */
  netAmount: RoundingMode;
}
