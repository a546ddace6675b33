import { RULES_2026_1, RULES_2026_2 } from '@ij/rules';
import { isNoteworthy, replayPolicyholder } from './replay-row';
import { summarize } from './replay-summary';
import { stateOf, stoppageEvents, straddlingSickness } from './test-support/histories';

/**
 * Issue #8's case: a sickness stoppage starting 2025-03-20 (before the 1.4 SMIC cap, so the 1.8 cap applies
 * to the whole stoppage: ij-rules §2, "stoppages starting") through 2025-04-10, 3 × 4 000 €.
 * 2026.2 pays 19 × 53.31 € = 1 012.89 €; the defective 2026.1 picks the cap by paid-day date:
 * 9 × 53.31 € + 10 × 41.47 € = 894.49 €.
 */
const THROUGH = '2025-04-10';
const CORRECT_CENTS = 101_289;
const DEFECTIVE_CENTS = 89_449;

describe('replaying one policyholder', () => {
  it('finds the overpayment of the defective version when replaying it under the correct one as active', () => {
    const [row] = replayPolicyholder('ph-1', stateOf(straddlingSickness('ph-1', 'st-1', [50_000])), { current: RULES_2026_2, replayed: RULES_2026_1 }, THROUGH);
    expect(row).toEqual({
      policyholderId: 'ph-1', stoppageId: 'st-1', kind: 'SICKNESS', entitlementStatus: 'COMPUTED',
      currentCents: CORRECT_CENTS, replayedCents: DEFECTIVE_CENTS, paidCents: 50_000,
      deltaCents: DEFECTIVE_CENTS - CORRECT_CENTS, settlementCents: DEFECTIVE_CENTS - 50_000,
    });
  });

  it('finds who the defective version underpaid when the fix is replayed over it', () => {
    const [row] = replayPolicyholder('ph-1', stateOf(straddlingSickness('ph-1', 'st-1')), { current: RULES_2026_1, replayed: RULES_2026_2 }, THROUGH);
    expect(row).toMatchObject({ currentCents: DEFECTIVE_CENTS, replayedCents: CORRECT_CENTS, deltaCents: 11_840, paidCents: 0, settlementCents: CORRECT_CENTS });
    expect(summarize([row])).toEqual({ affected: 1, underpaidCents: 11_840, overpaidCents: 0, settlements: 1 });
  });

  it('leaves a stoppage the change does not touch unaffected, and settles nothing when it is paid exactly', () => {
    const events = stoppageEvents('ph-2', { stoppageId: 'st-2', startDate: '2025-03-20', endDate: '2025-03-31', salaries: ['2024-12', '2025-01', '2025-02'].map((month) => ({ month, grossCents: 400_000 })), advancesCents: [9 * 5_331] });
    const [row] = replayPolicyholder('ph-2', stateOf(events), { current: RULES_2026_2, replayed: RULES_2026_1 }, THROUGH);
    expect(row).toMatchObject({ currentCents: 9 * 5_331, replayedCents: 9 * 5_331, deltaCents: 0, settlementCents: 0 });
    expect(isNoteworthy(row)).toBe(false);
  });

  it('settles nothing without the salary certificate (Regularize would refuse) but shows the advance as paid', () => {
    const [row] = replayPolicyholder('ph-3', stateOf(stoppageEvents('ph-3', { stoppageId: 'st-3', startDate: '2025-03-20', endDate: '2025-04-10', advancesCents: [30_000] })), { current: RULES_2026_2, replayed: RULES_2026_1 }, THROUGH);
    expect(row).toMatchObject({ entitlementStatus: 'MISSING_SALARY_CERTIFICATE', currentCents: 0, replayedCents: 0, paidCents: 30_000, deltaCents: 0, settlementCents: 0 });
  });

  it('sums underpayments and overpayments separately, each as a positive amount', () =>
    expect(
      summarize([
        { deltaCents: 100, settlementCents: 100 },
        { deltaCents: -250, settlementCents: 0 },
        { deltaCents: 0, settlementCents: -30 },
        { deltaCents: 40, settlementCents: 40 },
      ].map((figures) => ({ policyholderId: 'p', stoppageId: 's', kind: 'SICKNESS' as const, currentCents: 0, replayedCents: 0, paidCents: 0, entitlementStatus: 'COMPUTED' as const, ...figures }))),
    ).toEqual({ affected: 3, underpaidCents: 140, overpaidCents: 250, settlements: 3 }));
});
