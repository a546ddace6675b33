import { getRulesVersion } from '..';
import { countReason, datesByReason, expectComputed } from '../test-support/entitlements';
import { facts, salaries } from '../test-support/facts';
import type { RulesVersion, StoppageEntitlement, StoppageFacts } from '../rules.types';

/**
 * Golden figures of the 2026-11 corrections of ij-rules.md, each worked out by hand below and shown under
 * 2026.2 (what the ledger paid) and 2026.3 (the correction). 2026.1 and 2026.2 keep their own golden tests.
 */
const under = (version: string, through: string, ...stoppages: StoppageFacts[]): StoppageEntitlement[] =>
  (getRulesVersion(version) as RulesVersion).computeEntitlements(facts.policyholder(...stoppages), through);
const computedUnder = (version: string, through: string, ...stoppages: StoppageFacts[]) => under(version, through, ...stoppages).map(expectComputed);

describe('rules 2026.3: the corrections of ij-rules.md (2026-11)', () => {
  describe('prolongation gap: at most 2 calendar days uncovered, start − previous end ≤ 3 (ij-rules §4; CSS R323-1; CNAM doctrine since 2024-09-01)', () => {
    // Sickness, 3 × 2 245 € (2025-04, 2025-05, 2025-06), all below the 1.4 × SMIC cap 2 522.52 € (Décret 2025-160):
    // SJB = 6 735.00 ÷ 91.25 = 73.808… → 73.81 € half-up; IJ = 50 % × 73.81 = 36.905 → 36.90 € truncated (R323-4).
    // First stoppage Monday 2025-07-21 … Friday 07-25: 3 carence days (R323-1), 2 paid = 73.80 €.
    // Prolongation Monday 07-28 … Saturday 08-02 (6 days; Saturday 26 and Sunday 27 uncovered, 07-28 − 07-25 = 3).
    const first = facts.sickness({ stoppageId: 'first', startDate: '2025-07-21', endDate: '2025-07-25', grossCents: 224_500 });
    // Its own certificate names the same months (both start in July): 2026.2 needs it to compute its own chain.
    const weekendProlongation = facts.sickness({ stoppageId: 'next', startDate: '2025-07-28', endDate: '2025-08-02', prolongationOf: 'first', salaries: salaries(['2025-04', '2025-05', '2025-06'], 224_500) });

    it('2026.2: a new chain with its own carence, 3 × 36.90 = 110.70 €', () => {
      const [root, next] = computedUnder('2026.2', '2025-08-02', first, weekendProlongation);
      expect(root.entitlementCents).toBe(7_380);
      expect(datesByReason(next.days).CARENCE).toEqual(['2025-07-28', '2025-07-29', '2025-07-30']);
      expect(next.entitlementCents).toBe(11_070);
    });

    it('2026.3: the chain continues, no new carence, 6 × 36.90 = 221.40 €; the weekend is in no day line', () => {
      const [root, next] = computedUnder('2026.3', '2025-08-02', first, weekendProlongation);
      expect(root.entitlementCents).toBe(7_380);
      expect(countReason(next.days, 'CARENCE')).toBe(0);
      expect(next.days.map((day) => day.date)).not.toContain('2025-07-26');
      expect(next.payableDays).toBe(6);
      expect(next.entitlementCents).toBe(22_140);
      expect(next.steps.some((explanation) => explanation.label.startsWith('Prolongation of first: same chain'))).toBe(true);
    });

    it('2026.3 without a certificate of its own: the chain root’s certificate computes it (no new certificate needed)', () => {
      const [, next] = computedUnder('2026.3', '2025-08-02', first, { ...weekendProlongation, salaries: undefined });
      expect(next.entitlementCents).toBe(22_140);
      // 2026.2 asks for a certificate of its own.
      expect(under('2026.2', '2025-08-02', first, { ...weekendProlongation, salaries: undefined })[1]).toMatchObject({ status: 'MISSING_SALARY_CERTIFICATE', missingMonths: ['2025-04', '2025-05', '2025-06'] });
    });

    it('3 uncovered days (Friday end, Tuesday start: 07-29 − 07-25 = 4) still open a new chain under 2026.3', () => {
      const tuesday = { ...weekendProlongation, startDate: '2025-07-29' };
      const [, next] = computedUnder('2026.3', '2025-08-02', first, tuesday);
      expect(countReason(next.days, 'CARENCE')).toBe(3);
    });

    it('occupational accident: the day count continues, days 29+ at 80 % instead of restarting at 60 % (R433-1)', () => {
      // Salary 2 000 € (2025-05): SJR = 2 000 ÷ 30.42 = 65.746… → 65.75 €; 60 % → 39.45 €; 80 % → 52.60 € held at
      // the net earnings 65.75 × 0.79 = 51.9425 → 51.94 € (R433-4). Accident 2025-05-30, before the start.
      // First stoppage Monday 06-02 … Friday 06-27: indemnified days 1–26. Prolongation Monday 06-30 … 07-13: 14 days.
      const accident = facts.occupationalAccident({ stoppageId: 'accident', startDate: '2025-06-02', endDate: '2025-06-27', accidentDate: '2025-05-30' });
      const prolongation = facts.occupationalAccident({ stoppageId: 'accident-next', startDate: '2025-06-30', endDate: '2025-07-13', accidentDate: '2025-05-30', prolongationOf: 'accident', salaries: salaries(['2025-05'], 200_000) });
      // 2026.2: its own chain, days 1–14 at 60 %: 14 × 39.45 = 552.30 €.
      expect(computedUnder('2026.2', '2025-07-13', accident, prolongation)[1].entitlementCents).toBe(55_230);
      // 2026.3: days 27–28 at 39.45 and 29–40 at 51.94: 2 × 39.45 + 12 × 51.94 = 78.90 + 623.28 = 702.18 €.
      expect(computedUnder('2026.3', '2025-07-13', accident, prolongation)[1].entitlementCents).toBe(70_218);
    });
  });

  describe('long-term illness (ALD): a 3-year period date to date per affection from its first paid day (L323-1 1°, R323-1 2° and 3°; ij-rules §4)', () => {
    // Every stoppage: sickness, affection "ald-1", 3 × 2 000 € → SJB 6 000 ÷ 91.25 = 65.753… → 65.75 €, IJ 32.87 €
    // (the 1.8 and 1.4 × SMIC caps, 3 144.96 € and 2 522.52 €, do not bind).
    const ald = (stoppageId: string, startDate: string, endDate: string) => facts.sickness({ stoppageId, startDate, endDate, aldAffectionId: 'ald-1' });
    // A: 2024-01-01 … 2024-12-31, 366 days, carence 3 (the affection's first), 363 paid from 2024-01-04.
    const first = ald('a', '2024-01-01', '2024-12-31');

    it('beyond 3 years: 2026.2 pays 1 095 paid days, 2026.3 stops at 2027-01-03, 3 years after the first paid day 2024-01-04', () => {
      // B: 2025-06-01 … 2027-06-30, 760 days; 151 uncovered days after A (< 365: same period); no carence (one was
      // served for the affection within the 3 years before, R323-1).
      const second = ald('b', '2025-06-01', '2027-06-30');
      // 2026.2: 1 095 − 363 = 732 paid days, 2025-06-01 … 2027-06-02 (2025-06-01 + 731 days); 732 × 32.87 = 24 060.84 €.
      const [, before] = computedUnder('2026.2', '2027-06-30', first, second);
      expect(before.payableDays).toBe(732);
      expect(before.entitlementCents).toBe(2_406_084);
      expect(datesByReason(before.days).ALD_LIMIT_REACHED?.[0]).toBe('2027-06-03');
      // 2026.3: the period 2024-01-04 … 2027-01-03; B paid 2025-06-01 … 2027-01-03 = 365 + 214 + 3 = 582 days;
      // 582 × 32.87 = 19 130.34 €; the 178 days from 2027-01-04 are unpaid (ALD_LIMIT_REACHED).
      const [, after] = computedUnder('2026.3', '2027-06-30', first, second);
      expect(after.payableDays).toBe(582);
      expect(after.entitlementCents).toBe(1_913_034);
      expect(datesByReason(after.days).ALD_LIMIT_REACHED).toHaveLength(178);
      expect(datesByReason(after.days).ALD_LIMIT_REACHED?.[0]).toBe('2027-01-04');
    });

    it('a new period after 365 days of resumed work: 2026.2 stops after 1 095 paid days that never reset, 2026.3 pays', () => {
      // A': 2024-01-01 … 2026-12-31 (1 096 days, carence 3): 1 093 paid under both (within the period 2024-01-04 … 2027-01-03).
      const long = ald('a', '2024-01-01', '2026-12-31');
      // C: 2028-01-01 … 01-31, 365 days uncovered after A' (2027-01-01 … 2027-12-31). The carence served on
      // 2024-01-01 is more than 3 years before: carence 3 again (R323-1), days 01-04 … 01-31 are 28 days.
      const later = ald('c', '2028-01-01', '2028-01-31');
      // 2026.2: 1 095 − 1 093 = 2 paid days, then the limit: 2 × 32.87 = 65.74 €.
      const [longBefore, before] = computedUnder('2026.2', '2028-01-31', long, later);
      expect(longBefore.payableDays).toBe(1_093);
      expect(before.payableDays).toBe(2);
      expect(before.entitlementCents).toBe(6_574);
      // 2026.3: a new period from 2028-01-04: 28 × 32.87 = 920.36 €.
      const [longAfter, after] = computedUnder('2026.3', '2028-01-31', long, later);
      expect(longAfter.payableDays).toBe(1_093);
      expect(after.payableDays).toBe(28);
      expect(after.entitlementCents).toBe(92_036);
      // 364 uncovered days (C starting 2027-12-31) keep the old period, which ended 2027-01-03.
      const [, tooSoon] = computedUnder('2026.3', '2028-01-31', long, ald('c', '2027-12-31', '2028-01-31'));
      expect(tooSoon.payableDays).toBe(0);
    });

    it('long-term illness days are not counted in the 360-day window of ordinary sickness (R323-1; both versions)', () => {
      // 400 ALD days paid in 2025 then an ordinary sickness stoppage: its days are all paid (carence apart).
      const aldYear = ald('a', '2025-01-01', '2026-02-04');
      const ordinary = facts.sickness({ stoppageId: 'o', startDate: '2026-03-02', endDate: '2026-03-31' });
      for (const version of ['2026.2', '2026.3']) {
        const [, sickness] = computedUnder(version, '2026-03-31', aldYear, ordinary);
        expect(sickness.payableDays).toBe(27);
      }
    });
  });

  describe('maternity / paternity starting in 2024: the §2 bounds for 2024 (R331-5)', () => {
    it('a leave starting in January 2024: NO_PARAMETERS_FOR_DATE under 2026.2; 2026.3 bounds it by 95.22 € (from the 2023 PMSS)', () => {
      // 3 × 3 000 € (2023-10 … 12) below the PMSS 3 666 €: SJB 9 000 ÷ 91.25 = 98.630… → 98.63 €;
      // IJ = 98.63 × 0.79 = 77.9177 → 77.91 € truncated, within 10.79 € … 95.22 €; 6 days × 77.91 = 467.46 €.
      const leave = facts.maternity({ startDate: '2024-01-15', endDate: '2024-01-20', grossCents: 300_000 });
      expect(under('2026.2', '2024-01-20', leave)[0]).toMatchObject({ status: 'NO_PARAMETERS_FOR_DATE', parameter: 'MATERNITY_MAXIMUM_DAILY_ALLOWANCE', date: '2024-01-15' });
      expect(computedUnder('2026.3', '2024-01-20', leave)[0].entitlementCents).toBe(46_746);
    });

    it('at 3 × 5 000 € the PMSS 3 666 € binds on every month: the maximum 95.22 € itself (3 × 3 666 × 0.79 ÷ 91.25 = 95.2155 → 95.22), 6 × 95.22 = 571.32 €', () => {
      const leave = facts.maternity({ startDate: '2024-01-15', endDate: '2024-01-20', grossCents: 500_000 });
      const [computed] = computedUnder('2026.3', '2024-01-20', leave);
      expect(computed.phases[0].dailyAllowanceCents).toBe(9_522);
      expect(computed.entitlementCents).toBe(57_132);
    });

    it('the 2024 minimum 10.79 € (derived: 328.07 × 12 ÷ 365 = 10.7858…): a paternity leave from 2024-06-01 at 3 × 300 €', () => {
      // SJB 900 ÷ 91.25 = 9.863… → 9.86 €; × 0.79 = 7.7894 → 7.78 €, raised to 10.79 €; 10 days × 10.79 = 107.90 €.
      const leave = facts.paternity({ startDate: '2024-06-01', endDate: '2024-06-10', grossCents: 30_000 });
      expect(under('2026.2', '2024-06-10', leave)[0]).toMatchObject({ status: 'NO_PARAMETERS_FOR_DATE', parameter: 'MATERNITY_MINIMUM_DAILY_ALLOWANCE' });
      const [computed] = computedUnder('2026.3', '2024-06-10', leave);
      expect(computed.phases[0].dailyAllowanceCents).toBe(1_079);
      expect(computed.entitlementCents).toBe(10_790);
    });
  });

  describe('therapeutic part-time after a full-time stoppage continues its chain (ij-rules §3)', () => {
    it('after sickness: the chain’s reference salaries and 1.8 × SMIC row, capped at the daily loss — 930.00 € instead of 560.48 €', () => {
      // Sickness 2025-03-10 … 04-30, 3 × 2 500 € (2024-12 … 2025-02). Part-time 2025-05-01 … 05-31 (31 days), loss 30.00 €/day.
      const sickness = facts.sickness({ stoppageId: 'full-time', startDate: '2025-03-10', endDate: '2025-04-30', grossCents: 250_000 });
      // Its own certificate, as the ledger asked under 2026.2 for its own chain: the months 2025-02 … 04 of the stoppage.
      const partTime = facts.therapeuticPartTime({
        stoppageId: 'part-time',
        startDate: '2025-05-01',
        endDate: '2025-05-31',
        prolongationOf: 'full-time',
        dailyLossOfEarningsCents: 3_000,
        salaries: [{ month: '2025-02', grossCents: 250_000 }, { month: '2025-03', grossCents: 80_000 }, { month: '2025-04', grossCents: 0 }],
      });
      // 2026.2: its own chain from 2025-05-01 (1.4 × SMIC row): SJB (2 500 + 800 + 0) ÷ 91.25 = 36.164… → 36.16 €;
      // IJ 18.08 € (below the loss 30.00 €); 31 × 18.08 = 560.48 €.
      const [, before] = computedUnder('2026.2', '2025-05-31', sickness, partTime);
      expect(before.phases[0].dailyAllowanceCents).toBe(1_808);
      expect(before.entitlementCents).toBe(56_048);
      // 2026.3: the sickness chain (start 2025-03-10, cap 1.8 × 1 801.80 = 3 243.24 €): SJB 7 500 ÷ 91.25 = 82.191… →
      // 82.19 €; IJ 41.09 € (below the 53.31 € maximum); capped at the loss: 30.00 €; no carence: 31 × 30.00 = 930.00 €.
      const [root, after] = computedUnder('2026.3', '2025-05-31', sickness, partTime);
      expect(after.dailyBaseCents).toBe(8_219);
      expect(after.phases[0].dailyAllowanceCents).toBe(3_000);
      expect(after.entitlementCents).toBe(93_000);
      expect(countReason(after.days, 'CARENCE')).toBe(0);
      expect(after.steps.some((explanation) => explanation.label.startsWith('Therapeutic part-time continuing the SICKNESS chain'))).toBe(true);
      // The sickness stoppage itself is unchanged: 52 days, 3 carence, 49 × 41.09 = 2 013.41 €.
      expect(root.entitlementCents).toBe(201_341);
    });

    it('after an occupational accident: the occupational rates and day count (day 29 across the chain), capped at the loss — 1 338.90 € instead of 986.10 €', () => {
      // Accident 2025-05-30; stoppage 2025-06-02 … 06-27 (days 1–26); salary 2 000 € → 39.45 € (60 %) / 51.94 € (80 %, net ceiling).
      const accident = facts.occupationalAccident({ stoppageId: 'accident', startDate: '2025-06-02', endDate: '2025-06-27', accidentDate: '2025-05-30' });
      // Part-time 2025-06-28 … 07-27 (30 days), loss 45.00 €/day, with the certificate 2025-03 … 05 at 2 000 € 2026.2 needed.
      const partTime = facts.therapeuticPartTime({ stoppageId: 'part-time', startDate: '2025-06-28', endDate: '2025-07-27', prolongationOf: 'accident', dailyLossOfEarningsCents: 4_500, salaries: salaries(['2025-03', '2025-04', '2025-05'], 200_000) });
      // 2026.2: its own sickness chain: 32.87 € (below 45.00 €), 30 × 32.87 = 986.10 €.
      expect(computedUnder('2026.2', '2025-07-27', accident, partTime)[1].entitlementCents).toBe(98_610);
      // 2026.3: days 27–28 at min(39.45, 45.00) = 39.45 and days 29–56 at min(51.94, 45.00) = 45.00:
      // 2 × 39.45 + 28 × 45.00 = 78.90 + 1 260.00 = 1 338.90 €.
      const [, after] = computedUnder('2026.3', '2025-07-27', accident, partTime);
      expect(after.phases.map((phase) => [phase.fromDay, phase.dailyAllowanceCents])).toEqual([
        [1, 3_945],
        [29, 4_500],
      ]);
      expect(after.entitlementCents).toBe(133_890);
    });

    it('a part-time continuing an occupational chain is not counted in the 360-day window of sickness (R323-1; occupational days are not limited)', () => {
      // 350 sickness days paid in 2025 (2025-01-01 … 12-19, 3 of carence), then an accident and its part-time in 2026: 40 days
      // of part-time would take the window past 360 if they counted with sickness.
      const sickness = facts.sickness({ stoppageId: 'sick', startDate: '2025-01-01', endDate: '2025-12-19' });
      const accident = facts.occupationalAccident({ stoppageId: 'accident', startDate: '2026-01-05', endDate: '2026-01-25', accidentDate: '2026-01-02' });
      const partTime = facts.therapeuticPartTime({ stoppageId: 'part-time', startDate: '2026-01-26', endDate: '2026-03-06', prolongationOf: 'accident', dailyLossOfEarningsCents: 3_000, salaries: undefined });
      const [, , continued] = computedUnder('2026.3', '2026-03-06', sickness, accident, partTime);
      expect(continued.payableDays).toBe(40);
      expect(countReason(continued.days, 'LIMIT_360_REACHED')).toBe(0);
    });

    it('a part-time prolonging a maternity leave, or a sickness prolonging a part-time, is still its own chain', () => {
      const leave = facts.maternity({ stoppageId: 'leave', startDate: '2025-03-01', endDate: '2025-04-30' });
      const partTime = facts.therapeuticPartTime({ stoppageId: 'part-time', startDate: '2025-05-01', endDate: '2025-05-31', prolongationOf: 'leave', dailyLossOfEarningsCents: 5_000, salaries: salaries(['2025-02', '2025-03', '2025-04'], 200_000) });
      const [, own] = computedUnder('2026.3', '2025-05-31', leave, partTime);
      expect(own.steps.some((explanation) => explanation.label.startsWith('Marked as a prolongation of leave, but not continuing it'))).toBe(true);
    });
  });
});
