import { RULES_2026_2 } from '../versions/v2026-2';
import { chainRootOf } from '../chain-root';
import { facts, salaries } from '../test-support/facts';
import { countReason, datesByReason, expectComputed } from '../test-support/entitlements';
import type { PolicyholderFacts, StoppageFacts } from '../rules.types';

const compute = (through: string, ...stoppages: StoppageFacts[]) => RULES_2026_2.computeEntitlements(facts.policyholder(...stoppages), through).map(expectComputed);

describe('which days are paid (ij-rules §4)', () => {
  describe('carence (R323-1)', () => {
    it('the first 3 days of a sickness stoppage are not paid', () => {
      const [sickness] = compute('2025-06-29', facts.sickness());
      expect(datesByReason(sickness.days).CARENCE).toEqual(['2025-06-10', '2025-06-11', '2025-06-12']);
      expect(sickness.days[3]).toEqual({ date: '2025-06-13', paid: true, amountCents: 3_287, reason: 'PAID' });
    });

    it('no carence for occupational, maternity, paternity or therapeutic part-time stoppages', () => {
      const kinds = [facts.occupationalDisease(), facts.maternity(), facts.paternity(), facts.therapeuticPartTime({ dailyLossOfEarningsCents: 2_000 })];
      for (const stoppage of kinds) expect(countReason(compute('2025-06-29', stoppage)[0].days, 'CARENCE')).toBe(0);
    });

    it('each separate sickness stoppage has its own carence', () => {
      const first = facts.sickness({ stoppageId: 'first', startDate: '2025-06-01', endDate: '2025-06-10' });
      const second = facts.sickness({ stoppageId: 'second', startDate: '2025-06-12', endDate: '2025-06-20' });
      expect(compute('2025-06-30', first, second).map((entitlement) => countReason(entitlement.days, 'CARENCE'))).toEqual([3, 3]);
    });
  });

  describe('prolongation (ij-rules §4: start at most 2 calendar days after the previous effective end)', () => {
    const first = facts.sickness({ stoppageId: 'first', startDate: '2025-06-01', endDate: '2025-06-10' });
    const prolongation = (startDate: string) => facts.sickness({ stoppageId: 'next', startDate, endDate: '2025-06-25', prolongationOf: 'first', salaries: undefined });

    it('starting 2 days after the end (06-10 → 06-12): no new carence, the gap day 06-11 is in no day line and never paid', () => {
      const [, next] = compute('2025-06-30', first, prolongation('2025-06-12'));
      expect(countReason(next.days, 'CARENCE')).toBe(0);
      expect(next.payableDays).toBe(14);
      expect(next.days[0].date).toBe('2025-06-12');
      // It reuses the root's certificate and start date (decision "extensions keep the first stoppage's identity").
      expect(next.phases[0].dailyAllowanceCents).toBe(3_287);
    });

    it('starting 3 days after the end (06-10 → 06-13): not a continuation, own carence and own certificate needed', () => {
      const entitlements = RULES_2026_2.computeEntitlements(facts.policyholder(first, prolongation('2025-06-13')), '2025-06-30');
      expect(entitlements[1]).toMatchObject({ status: 'MISSING_SALARY_CERTIFICATE', missingMonths: ['2025-03', '2025-04', '2025-05'] });
      const withCertificate = { ...prolongation('2025-06-13'), salaries: salaries(['2025-03', '2025-04', '2025-05'], 200_000) };
      expect(countReason(compute('2025-06-30', first, withCertificate)[1].days, 'CARENCE')).toBe(3);
    });

    it('the gap is measured from the early end when the previous stoppage ended early', () => {
      const endedEarly = { ...first, endDate: '2025-06-20', lastDay: '2025-06-10' };
      const next3DaysAfterLastDay = { ...prolongation('2025-06-13'), salaries: salaries(['2025-03', '2025-04', '2025-05'], 200_000) };
      const [, next] = compute('2025-06-30', endedEarly, next3DaysAfterLastDay);
      expect(countReason(next.days, 'CARENCE')).toBe(3);
    });

    it('a short first stoppage: the chain serves 3 carence days in all, as one stoppage would', () => {
      const short = facts.sickness({ stoppageId: 'first', startDate: '2025-06-01', endDate: '2025-06-02' });
      const [root, next] = compute('2025-06-30', short, facts.sickness({ stoppageId: 'next', startDate: '2025-06-03', endDate: '2025-06-10', prolongationOf: 'first' }));
      expect(countReason(root.days, 'CARENCE') + countReason(next.days, 'CARENCE')).toBe(3);
      expect(datesByReason(next.days).CARENCE).toEqual(['2025-06-03']);
    });

    it('chainRootOf follows continuing links to the first stoppage, and stops at a gap of 3 days', () => {
      const third = facts.sickness({ stoppageId: 'third', startDate: '2025-06-26', endDate: '2025-06-30', prolongationOf: 'next' });
      const chain: PolicyholderFacts = facts.policyholder(first, prolongation('2025-06-12'), third);
      expect(chainRootOf(chain, 'third').stoppageId).toBe('first');
      expect(chainRootOf(facts.policyholder(first, prolongation('2025-06-13')), 'next').stoppageId).toBe('next');
      expect(() => chainRootOf(chain, 'unknown')).toThrow('unknown');
    });
  });

  describe('occupational day numbering (R433-1)', () => {
    it('the accident day is ACCIDENT_DAY; day 28 is 39.45 €, day 29 is the higher phase, counted across a prolongation', () => {
      // Accident and stoppage on 06-01: day 1 = 06-02, day 28 = 06-29, day 29 = 06-30.
      const root = facts.occupationalAccident({ stoppageId: 'root', startDate: '2025-06-01', endDate: '2025-06-20', accidentDate: '2025-06-01' });
      const next = facts.occupationalAccident({ stoppageId: 'next', startDate: '2025-06-21', endDate: '2025-07-05', prolongationOf: 'root' });
      const [first, second] = compute('2025-07-05', root, next);
      expect(first.days[0]).toEqual({ date: '2025-06-01', paid: false, amountCents: 0, reason: 'ACCIDENT_DAY' });
      const byDate = new Map(second.days.map((day) => [day.date, day.amountCents]));
      expect(byDate.get('2025-06-29')).toBe(3_945);
      expect(byDate.get('2025-06-30')).toBe(5_194);
      // 19 days × 39.45 in the first; 9 × 39.45 + 6 × 51.94 in the second: 749.55 + 355.05 + 311.64.
      expect(first.entitlementCents).toBe(74_955);
      expect(second.entitlementCents).toBe(35_505 + 31_164);
    });
  });

  describe('early end and through', () => {
    it('days after the early end are AFTER_EARLY_END, even after `through`', () => {
      const [sickness] = compute('2025-06-15', facts.sickness({ lastDay: '2025-06-19' }));
      expect(datesByReason(sickness.days)).toMatchObject({ PAID: ['2025-06-13', '2025-06-14', '2025-06-15'] });
      expect(countReason(sickness.days, 'NOT_YET_DUE')).toBe(4);
      expect(countReason(sickness.days, 'AFTER_EARLY_END')).toBe(10);
    });

    it('entitlement through the last day after an early end: 7 × 32.87 = 230.09 €', () => {
      expect(compute('2025-06-29', facts.sickness({ lastDay: '2025-06-19' }))[0].entitlementCents).toBe(23_009);
    });
  });

  describe('360 daily IJ over any 3-year sliding window (R323-1), non-long-term sickness', () => {
    // 2024-01-01 … 2024-12-31: carence 01-01..01-03, then 360 paid days 2024-01-04 … 2024-12-28.
    const year = facts.sickness({ stoppageId: 'year', startDate: '2024-01-01', endDate: '2024-12-31' });

    it('the 360th day is paid, the 361st is LIMIT_360_REACHED', () => {
      const [sickness] = compute('2024-12-31', year);
      expect(sickness.payableDays).toBe(360);
      expect(sickness.days.find((day) => day.date === '2024-12-28')?.reason).toBe('PAID');
      expect(datesByReason(sickness.days).LIMIT_360_REACHED).toEqual(['2024-12-29', '2024-12-30', '2024-12-31']);
    });

    it('counts across stoppages and frees days as the window slides', () => {
      // 2027-01-03: window (2024-01-03, 2027-01-02] holds all 360 → unpaid; 2027-01-04: 2024-01-04 leaves → paid, and so on.
      const later = facts.sickness({ stoppageId: 'later', startDate: '2026-12-20', endDate: '2027-01-20' });
      const [, second] = compute('2027-01-20', year, later);
      const reasons = datesByReason(second.days);
      expect(reasons.CARENCE).toEqual(['2026-12-20', '2026-12-21', '2026-12-22']);
      expect(reasons.LIMIT_360_REACHED).toHaveLength(12);
      expect(reasons.LIMIT_360_REACHED?.at(-1)).toBe('2027-01-03');
      expect(reasons.PAID?.[0]).toBe('2027-01-04');
      expect(second.payableDays).toBe(17);
    });

    it('long-term-illness days do not count toward the 360 days', () => {
      const ald = { ...year, stoppageId: 'ald', aldAffectionId: 'diabetes' };
      expect(compute('2024-12-31', ald)[0].payableDays).toBe(363);
    });
  });

  describe('long-term illness (ALD)', () => {
    const ald = (stoppageId: string, startDate: string, endDate: string, aldAffectionId = 'diabetes') =>
      facts.sickness({ stoppageId, startDate, endDate, aldAffectionId });

    it('no new carence for the same affection within 3 years (exactly 3 calendar years later: within)', () => {
      const [, second] = compute('2027-03-10', ald('a', '2024-03-01', '2024-03-10'), ald('b', '2027-03-01', '2027-03-10'));
      expect(countReason(second.days, 'CARENCE')).toBe(0);
    });

    it('a new carence 3 years and a day later', () => {
      const [, second] = compute('2027-03-10', ald('a', '2024-03-01', '2024-03-10'), ald('b', '2027-03-02', '2027-03-10'));
      expect(countReason(second.days, 'CARENCE')).toBe(3);
    });

    it('a new carence for another affection, and after a non-ALD stoppage', () => {
      const [, other] = compute('2025-03-10', ald('a', '2024-03-01', '2024-03-10'), ald('b', '2025-03-01', '2025-03-10', 'asthma'));
      expect(countReason(other.days, 'CARENCE')).toBe(3);
      const [, afterPlain] = compute('2025-03-10', facts.sickness({ stoppageId: 'plain', startDate: '2024-03-01', endDate: '2024-03-10' }), ald('b', '2025-03-01', '2025-03-10'));
      expect(countReason(afterPlain.days, 'CARENCE')).toBe(3);
    });

    it('pays at most 1 095 days per affection (3 years, decision): 2024-01-04 … 2027-01-02, then ALD_LIMIT_REACHED', () => {
      // 2024-01-04..2024-12-31 = 363 days (leap year), 2025 = 365, 2026 = 365, 2027-01-01..01-02 = 2: 1 095.
      const [long] = compute('2027-01-10', ald('long', '2024-01-01', '2027-01-10'));
      expect(long.payableDays).toBe(1_095);
      expect(long.days.find((day) => day.date === '2027-01-02')?.reason).toBe('PAID');
      expect(datesByReason(long.days).ALD_LIMIT_REACHED?.[0]).toBe('2027-01-03');
    });
  });
});
