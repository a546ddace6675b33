import { RULES_2026_2 } from '../versions/v2026-2';
import { facts, salaries } from '../test-support/facts';
import { expectComputed } from '../test-support/entitlements';
import type { StoppageFacts } from '../rules.types';

const computeOne = (stoppage: StoppageFacts, through = stoppage.endDate) => RULES_2026_2.computeEntitlements(facts.policyholder(stoppage), through)[0];
const dailyAllowance = (stoppage: StoppageFacts) => expectComputed(computeOne(stoppage)).phases.map((phase) => phase.dailyAllowanceCents);

describe('daily base and daily IJ (ij-rules §3)', () => {
  describe('sickness salary cap by start date: 2025-03-31 / 2025-04-01 (R323-4; Décret 2025-160)', () => {
    it('3 × 4 000 € starting 2025-03-31: each month capped at 1.8 × 1 801.80 = 3 243.24 €, IJ = published 53.31 €', () => {
      // SJB = 3 × 3 243.24 ÷ 91.25 = 106.627… → 106.63 €.
      const computed = expectComputed(computeOne(facts.sickness({ startDate: '2025-03-31', endDate: '2025-04-09', grossCents: 400_000 })));
      expect(computed.dailyBaseCents).toBe(10_663);
      expect(computed.phases[0].dailyAllowanceCents).toBe(5_331);
    });

    it('3 × 4 000 € starting 2025-04-01: each month capped at 1.4 × 1 801.80 = 2 522.52 €, IJ = published 41.47 €', () => {
      // SJB = 7 567.56 ÷ 91.25 = 82.932… → 82.93 €; 50 % truncated would be 41.46, the published 41.47 applies.
      const computed = expectComputed(computeOne(facts.sickness({ startDate: '2025-04-01', endDate: '2025-04-10', grossCents: 400_000 })));
      expect(computed.dailyBaseCents).toBe(8_293);
      expect(computed.phases[0].dailyAllowanceCents).toBe(4_147);
    });

    it('3 × 2 000 € is below both caps: 32.87 € on either side of the boundary', () => {
      expect(dailyAllowance(facts.sickness({ startDate: '2025-03-31', endDate: '2025-04-09' }))).toEqual([3_287]);
      expect(dailyAllowance(facts.sickness({ startDate: '2025-04-01', endDate: '2025-04-10' }))).toEqual([3_287]);
    });

    it('the cap binding on only some months gives the computed IJ, not the maximum', () => {
      // 2 × 2 522.52 (capped 3 000) + 2 000 = 7 045.04 ÷ 91.25 = 77.205… → 77.21; × 0.5 = 38.605 → 38.60 truncated.
      const stoppage = facts.sickness({
        startDate: '2025-04-01',
        endDate: '2025-04-10',
        salaries: [...salaries(['2025-01', '2025-02'], 300_000), ...salaries(['2025-03'], 200_000)],
      });
      const computed = expectComputed(computeOne(stoppage));
      expect(computed.dailyBaseCents).toBe(7_721);
      expect(computed.phases[0].dailyAllowanceCents).toBe(3_860);
    });
  });

  describe('SMIC of the month before: 2026-01-31 / 2026-02-01 (R323-4)', () => {
    it('3 × 4 000 € starting 2026-01-31 uses the 2025 SMIC: cap 2 522.52 €, IJ 41.47 €', () => {
      const computed = expectComputed(computeOne(facts.sickness({ startDate: '2026-01-31', endDate: '2026-02-09', grossCents: 400_000 })));
      expect(computed.dailyBaseCents).toBe(8_293);
      expect(computed.phases[0].dailyAllowanceCents).toBe(4_147);
    });

    it('3 × 4 000 € starting 2026-02-01 uses the 2026 SMIC: cap 1.4 × 1 823.03 = 2 552.242 → 2 552.24 €, IJ = published 41.95 €', () => {
      // SJB = 7 656.72 ÷ 91.25 = 83.909… → 83.91 €.
      const computed = expectComputed(computeOne(facts.sickness({ startDate: '2026-02-01', endDate: '2026-02-10', grossCents: 400_000 })));
      expect(computed.dailyBaseCents).toBe(8_391);
      expect(computed.phases[0].dailyAllowanceCents).toBe(4_195);
    });

    it('maternity at 3 × 5 000 € (above the PMSS): 101.94 € for a leave starting 2026-01-31, 104.02 € from 2026-02-01', () => {
      expect(dailyAllowance(facts.maternity({ startDate: '2026-01-31', endDate: '2026-02-09', grossCents: 500_000 }))).toEqual([10_194]);
      expect(dailyAllowance(facts.maternity({ startDate: '2026-02-01', endDate: '2026-02-10', grossCents: 500_000 }))).toEqual([10_402]);
    });
  });

  describe('maternity / paternity (R331-5)', () => {
    it('3 × 3 000 € → SJB 98.63 €, IJ 98.63 × 0.79 = 77.917… → 77.91 €', () => {
      const computed = expectComputed(computeOne(facts.maternity({ startDate: '2025-06-01', endDate: '2025-06-10', grossCents: 300_000 })));
      expect(computed.dailyBaseCents).toBe(9_863);
      expect(computed.phases).toEqual([{ fromDay: 1, toDay: null, dailyAllowanceCents: 7_791, rate: '0.79' }]);
      // No carence for maternity: 10 days × 77.91 €.
      expect(computed.entitlementCents).toBe(77_910);
    });

    it('minimum: 3 × 300 € → 9.86 × 0.79 = 7.78 € is raised to the published 11.02 € (start in 2025)', () => {
      expect(dailyAllowance(facts.paternity({ startDate: '2025-06-01', endDate: '2025-06-10', grossCents: 30_000 }))).toEqual([1_102]);
    });

    it('maximum: 3 × 5 000 € capped at the PMSS 3 925 € on every month → published 101.94 €', () => {
      expect(dailyAllowance(facts.maternity({ startDate: '2025-06-01', endDate: '2025-06-10', grossCents: 500_000 }))).toEqual([10_194]);
    });
  });

  describe('occupational accident / disease (R433-1 … R433-4)', () => {
    it('salary 2 000 €: 39.45 € for days 1–28; day 29+ 80 % × 65.75 = 52.60 € is held at the net earnings 65.75 × 0.79 = 51.94 €', () => {
      const computed = expectComputed(computeOne(facts.occupationalDisease({ startDate: '2025-06-01', endDate: '2025-07-15' })));
      expect(computed.phases).toEqual([
        { fromDay: 1, toDay: 28, dailyAllowanceCents: 3_945, rate: '0.6' },
        { fromDay: 29, toDay: null, dailyAllowanceCents: 5_194, rate: '0.8' },
      ]);
    });

    it('salary 15 000 €: SJR 493.10 € capped at 0.834 % × 47 100 = 392.81 €; each phase pays its published maximum (235.69 / 314.25 €)', () => {
      // Net earnings ceiling 493.10 × 0.79 = 389.54 € does not bind.
      const computed = expectComputed(computeOne(facts.occupationalAccident({ startDate: '2025-06-01', endDate: '2025-07-15', grossCents: 1_500_000 })));
      expect(computed.dailyBaseCents).toBe(39_281);
      expect(computed.phases.map((phase) => phase.dailyAllowanceCents)).toEqual([23_569, 31_425]);
    });

    it('SJR just above the cap: day 29+ is held at the net earnings ceiling, below the published maximum (R433-4)', () => {
      // 12 000 € ÷ 30.42 = 394.477… → 394.48 €; × 0.79 = 311.6392 → 311.63 € < 314.25 €.
      const computed = expectComputed(computeOne(facts.occupationalAccident({ startDate: '2025-06-01', endDate: '2025-07-15', grossCents: 1_200_000 })));
      expect(computed.phases.map((phase) => phase.dailyAllowanceCents)).toEqual([23_569, 31_163]);
    });
  });

  describe('therapeutic part-time (ij-rules §3)', () => {
    it('capped by the declared daily loss of earnings: 3 × 2 000 € → 32.87 €, loss 25.00 € → 25.00 €, no carence', () => {
      const computed = expectComputed(computeOne(facts.therapeuticPartTime({ dailyLossOfEarningsCents: 2_500 })));
      expect(computed.phases[0].dailyAllowanceCents).toBe(2_500);
      expect(computed.payableDays).toBe(20);
      expect(computed.entitlementCents).toBe(50_000);
    });

    it('a loss above the sickness IJ does not raise it', () => {
      expect(dailyAllowance(facts.therapeuticPartTime({ dailyLossOfEarningsCents: 5_000 }))).toEqual([3_287]);
    });

    it('without a declared loss: the sickness IJ, with a step saying it is not capped (decision)', () => {
      const computed = expectComputed(computeOne(facts.therapeuticPartTime()));
      expect(computed.phases[0].dailyAllowanceCents).toBe(3_287);
      expect(computed.steps.some((explanation) => explanation.label.startsWith('No daily loss of earnings declared'))).toBe(true);
    });
  });

  describe('certificates and parameters', () => {
    it('a certificate missing a month gives MISSING_SALARY_CERTIFICATE naming it, with the days still classified', () => {
      const stoppage = facts.sickness({ salaries: salaries(['2025-03', '2025-05', '2025-06'], 200_000) });
      const entitlement = computeOne(stoppage);
      expect(entitlement).toMatchObject({ status: 'MISSING_SALARY_CERTIFICATE', missingMonths: ['2025-04'], payableDays: 17 });
      if (entitlement.status !== 'MISSING_SALARY_CERTIFICATE') throw new Error('unreachable');
      expect(entitlement.days.every((day) => day.amountCents === 0)).toBe(true);
      expect(entitlement.days.filter((day) => day.reason === 'CARENCE')).toHaveLength(3);
    });

    it('extra months on the certificate are ignored', () => {
      const stoppage = facts.sickness({ salaries: salaries(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05'], 200_000) });
      expect(dailyAllowance(stoppage)).toEqual([3_287]);
    });

    it('requiredSalaryMonths: the 3 months before a June 2025 start; the 1 month before for occupational', () => {
      expect(RULES_2026_2.requiredSalaryMonths('SICKNESS', '2025-06-10')).toEqual(['2025-03', '2025-04', '2025-05']);
      expect(RULES_2026_2.requiredSalaryMonths('MATERNITY', '2026-01-01')).toEqual(['2025-10', '2025-11', '2025-12']);
      expect(RULES_2026_2.requiredSalaryMonths('OCCUPATIONAL_ACCIDENT', '2026-01-01')).toEqual(['2025-12']);
    });

    it('maximumDailyAllowanceCents: published figures by kind and start; the day-29+ figure for occupational', () => {
      expect(RULES_2026_2.maximumDailyAllowanceCents('SICKNESS', '2025-03-31')).toBe(5_331);
      expect(RULES_2026_2.maximumDailyAllowanceCents('THERAPEUTIC_PART_TIME', '2025-04-01')).toBe(4_147);
      expect(RULES_2026_2.maximumDailyAllowanceCents('OCCUPATIONAL_DISEASE', '2026-03-01')).toBe(32_066);
      expect(RULES_2026_2.maximumDailyAllowanceCents('PATERNITY', '2025-01-31')).toBe(10_036);
      expect(RULES_2026_2.maximumDailyAllowanceCents('SICKNESS', '2023-12-31')).toBeUndefined();
    });

    it('a start with no parameter row gives NO_PARAMETERS_FOR_DATE naming the parameter and the date', () => {
      expect(computeOne(facts.maternity({ startDate: '2024-01-15', endDate: '2024-01-20' }))).toEqual({
        status: 'NO_PARAMETERS_FOR_DATE',
        stoppageId: 'maternity-2024-01-15',
        kind: 'MATERNITY',
        rulesVersion: '2026.2',
        parameter: 'MATERNITY_MAXIMUM_DAILY_ALLOWANCE',
        date: '2024-01-15',
      });
      expect(computeOne(facts.sickness({ startDate: '2023-12-20', endDate: '2023-12-30' }))).toMatchObject({ status: 'NO_PARAMETERS_FOR_DATE', date: '2023-12-20' });
    });
  });
});
