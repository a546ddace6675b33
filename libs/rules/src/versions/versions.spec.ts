import { CURRENT_RULES_VERSION, RULES_VERSIONS, getRulesVersion } from '..';
import { facts } from '../test-support/facts';
import { expectComputed } from '../test-support/entitlements';
import type { RulesVersion, StoppageFacts } from '../rules.types';

const entitlementUnder = (version: string, stoppage: StoppageFacts, through = stoppage.endDate) =>
  expectComputed((getRulesVersion(version) as RulesVersion).computeEntitlements(facts.policyholder(stoppage), through)[0]);

describe('rules versions (ij-rules §6)', () => {
  it('releases 2026.1, 2026.2 then 2026.3; 2026.2 stays the default until a supervisor activates 2026.3', () => {
    expect(RULES_VERSIONS.map((version) => [version.version, version.releasedOn])).toEqual([
      ['2026.1', '2026-03-02'],
      ['2026.2', '2026-11-23'],
      ['2026.3', '2026-11-29'],
    ]);
    expect(CURRENT_RULES_VERSION).toBe('2026.2');
    expect(getRulesVersion('2025.9')).toBeUndefined();
  });

  it('a released version cannot be edited', () => {
    const released = RULES_VERSIONS[0];
    expect(Object.isFrozen(released)).toBe(true);
    expect(Object.isFrozen(released.behaviour)).toBe(true);
    expect(() => {
      (released as { notes: string }).notes = 'edited';
    }).toThrow(TypeError);
  });

  it('2026.1 documents its defect and the flag that carries it; 2026.2 documents the fix', () => {
    expect(RULES_VERSIONS[0].notes).toMatch(/DEFECT.*sicknessCapSelectedBy = PAID_DAY_DATE/su);
    expect(RULES_VERSIONS[0].behaviour.sicknessCapSelectedBy).toBe('PAID_DAY_DATE');
    expect(RULES_VERSIONS[1].behaviour.sicknessCapSelectedBy).toBe('CHAIN_START_DATE');
  });

  describe('pinned outputs: sickness 2025-03-20 … 2025-04-10, 3 × 4 000 € (cap binds on every month)', () => {
    const stoppage = facts.sickness({ startDate: '2025-03-20', endDate: '2025-04-10', grossCents: 400_000 });

    it('2026.2 keeps the 1.8 × SMIC cap of the start date for every day: 19 × 53.31 = 1 012.89 € (R323-4; Décret 2025-160 applies to starts from 2025-04-01)', () => {
      const computed = entitlementUnder('2026.2', stoppage);
      expect(computed.phases).toEqual([{ fromDay: 1, toDay: null, dailyAllowanceCents: 5_331, rate: '0.5' }]);
      expect(computed.entitlementCents).toBe(101_289);
    });

    it('2026.1 (defective) pays 41.47 € from 2025-04-01: 9 × 53.31 + 10 × 41.47 = 894.49 €', () => {
      const computed = entitlementUnder('2026.1', stoppage);
      expect(computed.rulesVersion).toBe('2026.1');
      expect(computed.phases).toEqual([
        { fromDay: 1, toDay: null, dailyAllowanceCents: 5_331, rate: '0.5' },
        { fromDay: 1, toDay: null, dailyAllowanceCents: 4_147, rate: '0.5', fromDate: '2025-04-01' },
      ]);
      expect(computed.entitlementCents).toBe(89_449);
      expect(computed.days.find((day) => day.date === '2025-03-31')?.amountCents).toBe(5_331);
      expect(computed.days.find((day) => day.date === '2025-04-01')?.amountCents).toBe(4_147);
    });

    it('the defect also hit therapeutic part-time: 2026.1 pays 41.47 € from 2025-04-01, 2026.2 53.31 € (no carence: 22 days)', () => {
      const partTime = facts.therapeuticPartTime({ startDate: '2025-03-20', endDate: '2025-04-10', grossCents: 400_000, dailyLossOfEarningsCents: 6_000 });
      // 12 × 53.31 + 10 × 41.47 = 639.72 + 414.70; 22 × 53.31 = 1 172.82.
      expect(entitlementUnder('2026.1', partTime).entitlementCents).toBe(105_442);
      expect(entitlementUnder('2026.2', partTime).entitlementCents).toBe(117_282);
    });
  });

  it('both versions agree on stoppages that started from 2025-04-01 and on other kinds', () => {
    const stoppages = [
      facts.sickness({ startDate: '2025-06-10', grossCents: 400_000 }),
      facts.occupationalAccident({ startDate: '2025-03-20', endDate: '2025-04-10' }),
      facts.maternity({ startDate: '2025-03-20', endDate: '2025-04-10' }),
    ];
    for (const stoppage of stoppages) {
      const { rulesVersion: _old, steps: _oldSteps, ...defective } = entitlementUnder('2026.1', stoppage);
      const { rulesVersion: _new, steps: _newSteps, ...current } = entitlementUnder('2026.2', stoppage);
      expect(defective).toEqual(current);
    }
  });
});
