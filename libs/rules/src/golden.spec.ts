import { RULES_2026_2 } from './versions/v2026-2';
import { facts } from './test-support/facts';
import { countReason, expectComputed } from './test-support/entitlements';

const compute = (through: string, ...stoppages: Parameters<typeof facts.policyholder>) =>
  RULES_2026_2.computeEntitlements(facts.policyholder(...stoppages), through);

describe('golden figures from ij-rules.md', () => {
  it('sickness, 3 × 2 000 € → daily base 65.75 €, IJ 32.87 € (R323-4; ij-rules §3 published check)', () => {
    const [entitlement] = compute('2025-06-29', facts.sickness({ startDate: '2025-06-10', endDate: '2025-06-29', grossCents: 200_000 }));
    const computed = expectComputed(entitlement);
    expect(computed.dailyBaseCents).toBe(6_575);
    expect(computed.phases).toEqual([{ fromDay: 1, toDay: null, dailyAllowanceCents: 3_287, rate: '0.5' }]);
    // 20 days, 3 of carence (R323-1): 17 × 32.87 = 558.79 €; net 558.79 × 0.933 = 521.351… → 521.35 €.
    expect(computed.payableDays).toBe(17);
    expect(computed.entitlementCents).toBe(55_879);
    expect(computed.netEntitlementCents).toBe(52_135);
  });

  it('occupational accident, salary 2 000 € → SJR 65.75 €, IJ 39.45 €, 20 days 789.00 € gross, 736.14 € net (R433-1, R433-4; ij-rules §3 published check)', () => {
    const [entitlement] = compute('2025-06-29', facts.occupationalAccident({ startDate: '2025-06-10', endDate: '2025-06-29', grossCents: 200_000 }));
    const computed = expectComputed(entitlement);
    expect(computed.dailyBaseCents).toBe(6_575);
    expect(computed.phases[0]).toMatchObject({ fromDay: 1, toDay: 28, dailyAllowanceCents: 3_945, rate: '0.6' });
    expect(computed.payableDays).toBe(20);
    expect(computed.entitlementCents).toBe(78_900);
    expect(computed.netEntitlementCents).toBe(73_614);
  });

  it('every step cites a legal reference, and the explanation names the rules version and the parameter sources', () => {
    const computed = expectComputed(compute('2025-06-29', facts.sickness())[0]);
    expect(computed.steps.every((explanation) => explanation.legalRef.length > 0)).toBe(true);
    expect(computed.steps[0]).toMatchObject({ value: '2026.2' });
    expect(computed.steps.some((explanation) => explanation.legalRef.includes('Décret n° 2025-160'))).toBe(true);
    expect(computed.steps.some((explanation) => explanation.label.startsWith('SMIC in force on 2025-05-31'))).toBe(true);
    expect(countReason(computed.days, 'CARENCE')).toBe(3);
  });
});
