import { paymentTotals } from '../accounts/payment-totals';
import { RecoveryExceedsOverpayment } from '../errors/payment-errors';
import { foldEvents } from '../state/evolve';
import type { PolicyholderEvent } from '../events/policyholder-events';
import { commands } from '../test-support/commands';
import { events } from '../test-support/events';
import { EMPLOYER_ACCOUNT, JUNE_ENTITLEMENT_CENTS, OTHER_STOPPAGE_ID, POLICYHOLDER_ACCOUNT, SICKNESS_DAILY_IJ_CENTS, STOPPAGE_ID } from '../test-support/fixtures';
import { given } from '../test-support/given';
import { histories } from '../test-support/histories';

const SECOND = 'regularization-0002';

/** A January stoppage on which 100 € was overpaid (its 500 € advance paid on `paidOn`), assessed on `assessedOn`. */
const overpaidInJanuary = (assessedOn: string, paidOn = assessedOn) => [
  events.stoppageOpened({ stoppageId: OTHER_STOPPAGE_ID, startDate: '2025-01-06', endDate: '2025-01-20' }),
  events.advanceIssued({ stoppageId: OTHER_STOPPAGE_ID, advanceId: 'advance-0009', amountCents: 50_000, issuedOn: paidOn }),
  events.stoppageRegularized({
    stoppageId: OTHER_STOPPAGE_ID,
    regularizationId: 'regularization-0009',
    through: '2025-01-20',
    entitlementCents: 40_000,
    paidBeforeCents: 50_000,
    deltaCents: -10_000,
    outcome: 'OVERPAYMENT_ASSESSED',
    overpaymentAssessedCents: 10_000,
    regularizedOn: assessedOn,
  }),
];

const regularized = (fields: Parameters<typeof events.stoppageRegularized>[0] = {}) =>
  events.stoppageRegularized({ regularizationId: SECOND, entitlementCents: JUNE_ENTITLEMENT_CENTS, deltaCents: JUNE_ENTITLEMENT_CENTS, outcome: 'PAID', paymentCents: JUNE_ENTITLEMENT_CENTS, ...fields });

/** Each payment that moves money is ordered as a transfer in the same append, with the payment's own figures. */
function andTransfers(expected: PolicyholderEvent[]): PolicyholderEvent[] {
  const transfers = expected.flatMap((event) => {
    if (event.type !== 'PaymentOrdered' || event.data.netCents === 0) return [];
    const { paymentId, regularizationId, payee, employerId, stoppageId, transferredGrossCents, csgCents, crdsCents, netCents, orderedOn } = event.data;
    return [events.transferOrdered({ transferId: paymentId, source: 'REGULARIZATION', sourceId: regularizationId, payee, ...(employerId ? { employerId } : {}), stoppageId, grossCents: transferredGrossCents, csgCents, crdsCents, netCents, orderedOn })];
  });
  return [...expected, ...transfers];
}

describe('ordering the payments of a regularization', () => {
  it('pays the subrogated days to the employer and the rest to the policyholder: 10 × 32.87 € and 16 × 32.87 € (R323-11)', () =>
    given(...histories.certifiedStoppage(), events.bankAccountRecorded(), events.subrogationRecorded({ fromDate: '2025-06-05', toDate: '2025-06-14' }))
      .when(commands.regularize({ regularizationId: SECOND }))
      .then(andTransfers([
        regularized(),
        events.paymentOrdered({ paymentId: 'regularization0002E1', regularizationId: SECOND, payee: 'EMPLOYER', employerId: 'employer-0001', creditorAccount: EMPLOYER_ACCOUNT, grossCents: 10 * SICKNESS_DAILY_IJ_CENTS }),
        events.paymentOrdered({ paymentId: 'regularization0002H', regularizationId: SECOND, creditorAccount: POLICYHOLDER_ACCOUNT, grossCents: 16 * SICKNESS_DAILY_IJ_CENTS }),
      ])));

  it('withholds CSG 6.2 % and CRDS 0.5 % on each transfer, the net rounded half-up once (ij-rules §2, §3)', () =>
    given(...histories.certifiedStoppage())
      .when(commands.regularize({ regularizationId: SECOND }))
      .then(andTransfers([
        regularized(),
        // 854.62 € × 0.933 = 797.36 € net; CSG 52.99 €; CRDS the rest, 4.27 €.
        events.paymentOrdered({ paymentId: 'regularization0002H', regularizationId: SECOND, grossCents: 85_462, csgCents: 5_299, crdsCents: 427, netCents: 79_736 }),
      ])));

  it("pays the employer only its days' allowances not paid to it yet", () =>
    given(
      ...histories.certifiedStoppage(),
      events.subrogationRecorded({ fromDate: '2025-06-05', toDate: '2025-06-14' }),
      events.stoppageRegularized({ through: '2025-06-10', entitlementCents: 6 * SICKNESS_DAILY_IJ_CENTS, deltaCents: 6 * SICKNESS_DAILY_IJ_CENTS, outcome: 'PAID', paymentCents: 6 * SICKNESS_DAILY_IJ_CENTS }),
      events.paymentOrdered({ paymentId: 'regularization0001E1', payee: 'EMPLOYER', employerId: 'employer-0001', creditorAccount: EMPLOYER_ACCOUNT, grossCents: 6 * SICKNESS_DAILY_IJ_CENTS }),
    )
      .when(commands.regularize({ regularizationId: SECOND }))
      .then(andTransfers([
        regularized({ paidBeforeCents: 6 * SICKNESS_DAILY_IJ_CENTS, deltaCents: 20 * SICKNESS_DAILY_IJ_CENTS, paymentCents: 20 * SICKNESS_DAILY_IJ_CENTS }),
        events.paymentOrdered({ paymentId: 'regularization0002E1', regularizationId: SECOND, payee: 'EMPLOYER', employerId: 'employer-0001', creditorAccount: EMPLOYER_ACCOUNT, grossCents: 4 * SICKNESS_DAILY_IJ_CENTS }),
        events.paymentOrdered({ paymentId: 'regularization0002H', regularizationId: SECOND, grossCents: 16 * SICKNESS_DAILY_IJ_CENTS }),
      ])));

  it("deducts an overpayment of another stoppage from the policyholder's payment, linking both (L133-4-1)", () =>
    given(...overpaidInJanuary('2025-02-01'), ...histories.certifiedStoppage())
      .when(commands.regularize({ regularizationId: SECOND }))
      .then(andTransfers([
        regularized(),
        events.paymentOrdered({ paymentId: 'regularization0002H', regularizationId: SECOND, grossCents: JUNE_ENTITLEMENT_CENTS, offsetCents: 10_000 }),
        events.overpaymentOffset({ overpaymentStoppageId: OTHER_STOPPAGE_ID, overpaymentRegularizationId: 'regularization-0009', paymentStoppageId: STOPPAGE_ID, amountCents: 10_000 }),
      ])));

  it('deducts at most the payment, and leaves the rest outstanding', () =>
    given(...overpaidInJanuary('2025-02-01'), ...histories.certifiedStoppage())
      .when(commands.regularize({ regularizationId: SECOND, through: '2025-06-06' }))
      .then(andTransfers([
        regularized({ through: '2025-06-06', entitlementCents: 6_574, deltaCents: 6_574, paymentCents: 6_574 }),
        events.paymentOrdered({ paymentId: 'regularization0002H', regularizationId: SECOND, grossCents: 6_574, offsetCents: 6_574 }),
        events.overpaymentOffset({ overpaymentRegularizationId: 'regularization-0009', amountCents: 6_574 }),
      ])));

  it('never deducts an overpayment assessed two years ago or more: it is time-barred (L332-1)', () =>
    given(...overpaidInJanuary('2023-09-30'), ...histories.certifiedStoppage())
      .when(commands.regularize({ regularizationId: SECOND }))
      .then(andTransfers([regularized(), events.paymentOrdered({ paymentId: 'regularization0002H', regularizationId: SECOND, grossCents: JUNE_ENTITLEMENT_CENTS })])));

  it('still deducts one assessed a day less than two years ago', () =>
    given(...overpaidInJanuary('2023-10-01'), ...histories.certifiedStoppage())
      .when(commands.regularize({ regularizationId: SECOND }))
      .then(andTransfers([
        regularized(),
        events.paymentOrdered({ paymentId: 'regularization0002H', regularizationId: SECOND, grossCents: JUNE_ENTITLEMENT_CENTS, offsetCents: 10_000 }),
        events.overpaymentOffset({ overpaymentRegularizationId: 'regularization-0009', amountCents: 10_000 }),
      ])));

  it('counts the two years from the payment of the overpaid amount, not from its assessment (L332-1)', () =>
    // Paid on 2023-09-30, assessed on 2025-06-01: on 2025-09-30 the payment is two years old, so it is time-barred.
    given(...overpaidInJanuary('2025-06-01', '2023-09-30'), ...histories.certifiedStoppage())
      .when(commands.regularize({ regularizationId: SECOND }))
      .then(andTransfers([regularized(), events.paymentOrdered({ paymentId: 'regularization0002H', regularizationId: SECOND, grossCents: JUNE_ENTITLEMENT_CENTS })])));

  it('still deducts an overpayment paid a day less than two years ago, however late it was assessed', () =>
    given(...overpaidInJanuary('2025-06-01', '2023-10-01'), ...histories.certifiedStoppage())
      .when(commands.regularize({ regularizationId: SECOND }))
      .then(andTransfers([
        regularized(),
        events.paymentOrdered({ paymentId: 'regularization0002H', regularizationId: SECOND, grossCents: JUNE_ENTITLEMENT_CENTS, offsetCents: 10_000 }),
        events.overpaymentOffset({ overpaymentRegularizationId: 'regularization-0009', amountCents: 10_000 }),
      ])));

  it('counts an offset as recovered on the overpaid stoppage, so it is never recovered twice', () => {
    const history = [...overpaidInJanuary('2025-02-01'), ...histories.certifiedStoppage(), events.overpaymentOffset({ overpaymentRegularizationId: 'regularization-0009', amountCents: 10_000 })];
    expect(paymentTotals(foldEvents(history).stoppages.get(OTHER_STOPPAGE_ID)!).overpaymentOutstanding.toCents()).toBe(0);
    given(...history).when(commands.recordRecovery({ stoppageId: OTHER_STOPPAGE_ID, amountCents: 1 })).thenFails(RecoveryExceedsOverpayment);
  });

  it('orders nothing when nothing is paid', () =>
    given(...histories.closedStoppage())
      .when(commands.regularize({ regularizationId: SECOND }))
      .then(andTransfers([events.stoppageRegularized({ regularizationId: SECOND, entitlementCents: JUNE_ENTITLEMENT_CENTS, paidBeforeCents: JUNE_ENTITLEMENT_CENTS, outcome: 'NOTHING_DUE' })])));
});
