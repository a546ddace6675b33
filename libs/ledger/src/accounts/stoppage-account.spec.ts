import { StoppageNotFound } from '../errors/stoppage-errors';
import { foldEvents } from '../state/evolve';
import { events } from '../test-support/events';
import { JUNE_END, JUNE_ENTITLEMENT_CENTS, OTHER_STOPPAGE_ID, POLICYHOLDER_ID, STOPPAGE_ID } from '../test-support/fixtures';
import { histories } from '../test-support/histories';
import { currentRules } from '../test-support/rules';
import { toPolicyholderFacts } from '../facts/to-policyholder-facts';
import { policyholderAccount, stoppageAccount } from './stoppage-account';

describe("a stoppage's account (ij-rules §5)", () => {
  it('owes the policyholder the entitlement not yet paid', () =>
    expect(
      stoppageAccount(foldEvents([...histories.certifiedStoppage(), events.advanceIssued({ amountCents: 30_000 })]), STOPPAGE_ID, currentRules(), JUNE_END),
    ).toMatchObject({
      stoppageId: STOPPAGE_ID,
      entitlement: { status: 'COMPUTED', entitlementCents: JUNE_ENTITLEMENT_CENTS },
      entitlementCents: JUNE_ENTITLEMENT_CENTS,
      paidCents: 30_000,
      balanceCents: JUNE_ENTITLEMENT_CENTS - 30_000,
      overpaymentOutstandingCents: 0,
      advancesCents: 30_000,
      paymentsCents: 0,
    }));

  it('shows an overpayment as a negative balance until it is recovered', () => {
    const overpaid = histories.overpaidStoppage();
    expect(stoppageAccount(foldEvents(overpaid), STOPPAGE_ID, currentRules(), JUNE_END)).toMatchObject({
      paidCents: 100_000,
      balanceCents: -14_538,
      overpaymentOutstandingCents: 14_538,
      assessedCents: 14_538,
    });
    expect(
      stoppageAccount(foldEvents([...overpaid, events.recoveryRecorded({ amountCents: 10_000 })]), STOPPAGE_ID, currentRules(), JUNE_END),
    ).toMatchObject({ paidCents: 90_000, balanceCents: -4_538, overpaymentOutstandingCents: 4_538, recoveredCents: 10_000 });
  });

  it('counts no entitlement while the salary certificate is missing', () =>
    expect(
      stoppageAccount(foldEvents([...histories.openedStoppage(), events.advanceIssued({ amountCents: 30_000 })]), STOPPAGE_ID, currentRules(), JUNE_END),
    ).toMatchObject({ entitlement: { status: 'MISSING_SALARY_CERTIFICATE' }, entitlementCents: 0, paidCents: 30_000, balanceCents: -30_000 }));

  it('refuses an unknown stoppage', () =>
    expect(() => stoppageAccount(foldEvents(histories.openedStoppage()), OTHER_STOPPAGE_ID, currentRules(), JUNE_END)).toThrow(StoppageNotFound));
});

describe("a policyholder's account", () => {
  it('sums its stoppages', () => {
    const account = policyholderAccount(
      foldEvents([
        ...histories.certifiedStoppage(),
        events.advanceIssued({ amountCents: 30_000 }),
        ...histories.certifiedAccident({ stoppageId: OTHER_STOPPAGE_ID }).map((event) =>
          event.type === 'StoppageOpened' ? { ...event, data: { ...event.data, startDate: '2025-08-04', endDate: '2025-08-23', accidentDate: '2025-08-01' } } : event,
        ),
        events.salaryCertificateRecorded({ stoppageId: OTHER_STOPPAGE_ID, salaries: [{ month: '2025-07', grossCents: 200_000 }] }),
      ]),
      currentRules(),
      '2025-08-31',
    );
    expect(account).toMatchObject({
      policyholderId: POLICYHOLDER_ID,
      rulesVersion: currentRules().version,
      through: '2025-08-31',
      // 854.62 € of sickness + 20 days × 39.45 € of occupational accident.
      entitlementCents: JUNE_ENTITLEMENT_CENTS + 78_900,
      paidCents: 30_000,
      balanceCents: JUNE_ENTITLEMENT_CENTS + 78_900 - 30_000,
    });
    expect(account.stoppages.map((stoppage) => stoppage.stoppageId)).toEqual([STOPPAGE_ID, OTHER_STOPPAGE_ID]);
  });

  it('is all zeros without stoppages', () =>
    expect(policyholderAccount(foldEvents([]), currentRules(), JUNE_END)).toMatchObject({ entitlementCents: 0, paidCents: 0, balanceCents: 0, stoppages: [] }));
});

describe('the entitlement of an account (cents-only path, detail on demand)', () => {
  const through = '2025-08-31';
  const state = () =>
    foldEvents([
      ...histories.certifiedStoppage(),
      ...histories.certifiedAccident({ stoppageId: OTHER_STOPPAGE_ID }).map((event) =>
        event.type === 'StoppageOpened' ? { ...event, data: { ...event.data, startDate: '2025-08-04', endDate: '2025-08-23', accidentDate: '2025-08-01' } } : event,
      ),
    ]);

  it('is exactly the rules engine full entitlement: same fields, same order, same JSON', () => {
    const full = currentRules().computeEntitlements(toPolicyholderFacts(state()), through);
    const account = policyholderAccount(state(), currentRules(), through);
    expect(account.stoppages.map((stoppage) => stoppage.entitlement)).toStrictEqual(full);
    expect(JSON.stringify(policyholderAccount(state(), currentRules(), through).stoppages.map((stoppage) => stoppage.entitlement))).toBe(JSON.stringify(full));
    expect(Object.keys(stoppageAccount(state(), STOPPAGE_ID, currentRules(), through).entitlement)).toEqual(Object.keys(full[0]));
  });

  it('computes the amounts without the day lines until they are read', () => {
    const released = currentRules();
    const computeEntitlements = jest.fn(released.computeEntitlements);
    const rules = { ...released, computeEntitlements };
    const account = stoppageAccount(state(), STOPPAGE_ID, rules, through);
    expect(account.entitlement.status).toBe('COMPUTED');
    expect(computeEntitlements).not.toHaveBeenCalled();
    if (account.entitlement.status !== 'COMPUTED') throw new Error('unreachable');
    expect(account.entitlement.days.length).toBeGreaterThan(0);
    expect(account.entitlement.steps.length).toBeGreaterThan(0);
    expect(computeEntitlements).toHaveBeenCalledTimes(1);
  });
});
