import type { MonthlySalary } from '@ij/rules';

/** Fixed identities and dates shared by the ledger's tests. */
export const POLICYHOLDER_ID = 'policyholder-0001';
export const OTHER_POLICYHOLDER_ID = 'policyholder-0002';
export const STOPPAGE_ID = 'stoppage-0001';
export const CONTINUATION_ID = 'stoppage-0002';
export const OTHER_STOPPAGE_ID = 'stoppage-0003';
export const ADVANCE_ID = 'advance-0001';
export const REGULARIZATION_ID = 'regularization-0001';
export const RECOVERY_ID = 'recovery-0001';
export const SUBROGATION_ID = 'subrogation-0001';
export const EMPLOYER_ID = 'employer-0001';

/** Valid IBANs (ISO 13616 check digits) of a policyholder and an employer, at French banks. */
export const POLICYHOLDER_ACCOUNT = { iban: 'FR7630006000011234567890189', holderName: 'Camille Martin' };
export const EMPLOYER_ACCOUNT = { iban: 'FR7630004000031234567890143', bic: 'BNPAFRPP', holderName: 'Ateliers Durand SARL' };

/** The business date of every command unless a test says otherwise. */
export const TODAY = '2025-09-30';

/** A sickness stoppage of June 2025: 29 days, the first 3 are carence (R323-1), so 26 payable days. */
export const JUNE_START = '2025-06-02';
export const JUNE_END = '2025-06-30';
export const JUNE_DAYS = 29;

/** The 3 calendar months before a June 2025 sickness stoppage (R323-4), 2 000 € each. */
export const SICKNESS_SALARIES: MonthlySalary[] = [
  { month: '2025-03', grossCents: 200_000 },
  { month: '2025-04', grossCents: 200_000 },
  { month: '2025-05', grossCents: 200_000 },
];

/** ij-rules §3 published check: 3 × 2 000 € → daily base 65.75 €, daily IJ 32.87 €. */
export const SICKNESS_DAILY_IJ_CENTS = 3_287;
/** Published maximum daily IJ for a sickness stoppage starting 2025-04-01 … 2026-01-31 (ij-rules §2). */
export const SICKNESS_MAXIMUM_DAILY_CENTS = 4_147;
/** 26 payable days × 32.87 €. */
export const JUNE_ENTITLEMENT_CENTS = 26 * SICKNESS_DAILY_IJ_CENTS;

/** An occupational accident of 20 days in June 2025, the accident before the first day (so every day is indemnified). */
export const ACCIDENT_START = '2025-06-02';
export const ACCIDENT_END = '2025-06-21';
export const ACCIDENT_DATE = '2025-05-30';
/** The last calendar month before the stoppage (R433-1). */
export const ACCIDENT_SALARIES: MonthlySalary[] = [{ month: '2025-05', grossCents: 200_000 }];
/** ij-rules §3 published check: 2 000 € → SJR 65.75 €, IJ 39.45 €, 20 days 789.00 €. */
export const ACCIDENT_ENTITLEMENT_CENTS = 78_900;
