import { MissingSalaryCertificateError, NoParametersForDateError, RegularizationBeforeSettledDate, RegularizationInFuture } from '../errors/payment-errors';
import { StoppageNotFound } from '../errors/stoppage-errors';
import { commands } from '../test-support/commands';
import { events } from '../test-support/events';
import {
  ACCIDENT_END,
  ACCIDENT_ENTITLEMENT_CENTS,
  CONTINUATION_ID,
  JUNE_END,
  JUNE_ENTITLEMENT_CENTS,
  OTHER_STOPPAGE_ID,
  SICKNESS_DAILY_IJ_CENTS,
} from '../test-support/fixtures';
import { given } from '../test-support/given';
import { histories } from '../test-support/histories';
import { computedEntitlement, rulesAnswering, rulesWithoutParameters } from '../test-support/rules';

/** 1 000 € advanced against 854.62 € due. */
const OVERPAID_CENTS = 100_000 - JUNE_ENTITLEMENT_CENTS;

describe('regularizing a stoppage', () => {
  it('pays the whole entitlement when nothing was paid: 26 days × 32.87 € (ij-rules §3, §4)', () =>
    given(...histories.certifiedStoppage())
      .when(commands.regularize({ through: JUNE_END }))
      .then(
        histories.paidRegularization({
          entitlementCents: 85_462,
          deltaCents: 85_462,
          outcome: 'PAID',
          paymentCents: 85_462,
        }),
      ));

  it('pays the remainder after an advance', () =>
    given(...histories.certifiedStoppage(), events.advanceIssued({ amountCents: 30_000 }))
      .when(commands.regularize())
      .then(
        histories.paidRegularization({
          entitlementCents: JUNE_ENTITLEMENT_CENTS,
          paidBeforeCents: 30_000,
          deltaCents: 55_462,
          outcome: 'PAID',
          paymentCents: 55_462,
        }),
      ));

  it('assesses an overpayment when the advance was larger than the entitlement', () =>
    given(...histories.certifiedStoppage(), events.advanceIssued({ amountCents: 100_000 }))
      .when(commands.regularize())
      .then([
        events.stoppageRegularized({
          entitlementCents: JUNE_ENTITLEMENT_CENTS,
          paidBeforeCents: 100_000,
          deltaCents: -14_538,
          outcome: 'OVERPAYMENT_ASSESSED',
          overpaymentAssessedCents: 14_538,
        }),
      ]));

  it('finds nothing due the second time in a row', () =>
    given(...histories.closedStoppage())
      .when(commands.regularize({ regularizationId: 'regularization-0002' }))
      .then([
        events.stoppageRegularized({
          regularizationId: 'regularization-0002',
          entitlementCents: JUNE_ENTITLEMENT_CENTS,
          paidBeforeCents: JUNE_ENTITLEMENT_CENTS,
          deltaCents: 0,
          outcome: 'NOTHING_DUE',
        }),
      ]));

  it('never assesses the same overpayment twice', () =>
    given(...histories.overpaidStoppage())
      .when(commands.regularize({ regularizationId: 'regularization-0002' }))
      .then([
        events.stoppageRegularized({
          regularizationId: 'regularization-0002',
          entitlementCents: JUNE_ENTITLEMENT_CENTS,
          paidBeforeCents: 100_000,
          overpaymentOutstandingBeforeCents: OVERPAID_CENTS,
          deltaCents: -OVERPAID_CENTS,
          outcome: 'NOTHING_DUE',
        }),
      ]));

  it('finds nothing due once the overpayment has been recovered', () =>
    given(...histories.overpaidStoppage(), events.recoveryRecorded({ amountCents: OVERPAID_CENTS }))
      .when(commands.regularize({ regularizationId: 'regularization-0002' }))
      .then([
        events.stoppageRegularized({
          regularizationId: 'regularization-0002',
          entitlementCents: JUNE_ENTITLEMENT_CENTS,
          paidBeforeCents: JUNE_ENTITLEMENT_CENTS,
          deltaCents: 0,
          outcome: 'NOTHING_DUE',
        }),
      ]));

  it('finds nothing due while part of the overpayment is still to be recovered', () =>
    given(...histories.overpaidStoppage(), events.recoveryRecorded({ amountCents: 10_000 }))
      .when(commands.regularize({ regularizationId: 'regularization-0002' }))
      .then([
        events.stoppageRegularized({
          regularizationId: 'regularization-0002',
          entitlementCents: JUNE_ENTITLEMENT_CENTS,
          paidBeforeCents: 90_000,
          overpaymentOutstandingBeforeCents: 4_538,
          deltaCents: -4_538,
          outcome: 'NOTHING_DUE',
        }),
      ]));

  it('pays only the days up to `through`: 11 days after carence (ij-rules §5)', () =>
    given(...histories.certifiedStoppage())
      .when(commands.regularize({ through: '2025-06-15' }))
      .then(
        histories.paidRegularization({
          through: '2025-06-15',
          entitlementCents: 11 * SICKNESS_DAILY_IJ_CENTS,
          deltaCents: 36_157,
          outcome: 'PAID',
          paymentCents: 36_157,
        }),
      ));

  it('turns what was paid after an early end into an overpayment (ij-rules §4)', () =>
    given(
      ...histories.certifiedStoppage(),
      events.stoppageRegularized({ through: '2025-06-15', entitlementCents: 36_157, deltaCents: 36_157, outcome: 'PAID', paymentCents: 36_157 }),
      events.stoppageEndedEarly({ lastDay: '2025-06-10' }),
    )
      .when(commands.regularize({ regularizationId: 'regularization-0002', through: '2025-06-15' }))
      .then([
        events.stoppageRegularized({
          regularizationId: 'regularization-0002',
          through: '2025-06-15',
          // 9 days to the last day, 3 of them carence: 6 × 32.87 €.
          entitlementCents: 19_722,
          paidBeforeCents: 36_157,
          deltaCents: -16_435,
          outcome: 'OVERPAYMENT_ASSESSED',
          overpaymentAssessedCents: 16_435,
        }),
      ]));

  it("computes a prolongation with its chain root's salaries and no new carence (ij-rules §4)", () =>
    given(...histories.prolongedStoppage())
      .when(commands.regularize({ stoppageId: CONTINUATION_ID, through: '2025-07-15' }))
      .then(
        histories.paidRegularization({
          stoppageId: CONTINUATION_ID,
          through: '2025-07-15',
          entitlementCents: 15 * SICKNESS_DAILY_IJ_CENTS,
          deltaCents: 49_305,
          outcome: 'PAID',
          paymentCents: 49_305,
        }),
      ));

  it('occupational accident, 2 000 € → IJ 39.45 €, 20 days 789.00 € (R433-1; ij-rules §3)', () =>
    given(...histories.certifiedAccident())
      .when(commands.regularize({ through: ACCIDENT_END }))
      .then(
        histories.paidRegularization({
          through: ACCIDENT_END,
          kind: 'OCCUPATIONAL_ACCIDENT',
          entitlementCents: ACCIDENT_ENTITLEMENT_CENTS,
          deltaCents: ACCIDENT_ENTITLEMENT_CENTS,
          outcome: 'PAID',
          paymentCents: ACCIDENT_ENTITLEMENT_CENTS,
        }),
      ));

  describe('after a rules fix changed the entitlement', () => {
    it('cancels part of the outstanding overpayment when the entitlement grows a little', () =>
      given(...histories.overpaidStoppage())
        .when(commands.regularize({ regularizationId: 'regularization-0002' }), {
          rules: rulesAnswering((stoppageId) => computedEntitlement(stoppageId, 95_000)),
        })
        .then([
          events.stoppageRegularized({
            regularizationId: 'regularization-0002',
            entitlementCents: 95_000,
            paidBeforeCents: 100_000,
            overpaymentOutstandingBeforeCents: OVERPAID_CENTS,
            deltaCents: -5_000,
            outcome: 'NOTHING_DUE',
            overpaymentCancelledCents: 9_538,
          }),
        ]));

    it('cancels the whole overpayment and pays the rest when the entitlement grows past what was paid', () =>
      given(...histories.overpaidStoppage())
        .when(commands.regularize({ regularizationId: 'regularization-0002' }), {
          rules: rulesAnswering((stoppageId) => computedEntitlement(stoppageId, 120_000)),
        })
        .then(
          histories.paidRegularization({
            regularizationId: 'regularization-0002',
            entitlementCents: 120_000,
            paidBeforeCents: 100_000,
            overpaymentOutstandingBeforeCents: OVERPAID_CENTS,
            deltaCents: 20_000,
            outcome: 'PAID',
            paymentCents: 20_000,
            overpaymentCancelledCents: OVERPAID_CENTS,
          }),
        ));
  });

  describe('a settlement never goes backwards (issue 21)', () => {
    it('refuses to settle through 06-05 a stoppage settled through 06-30 (it would book a fictitious overpayment)', () =>
      given(...histories.closedStoppage())
        .when(commands.regularize({ regularizationId: 'regularization-0002', through: '2025-06-05' }))
        .thenFails(RegularizationBeforeSettledDate, { through: '2025-06-05', settledThrough: JUNE_END, code: 'regularization-before-settled-date' }));

    it('refuses an earlier date on a stoppage settled part-way (through 06-15, then 06-14)', () =>
      given(
        ...histories.certifiedStoppage(),
        events.stoppageRegularized({ through: '2025-06-15', entitlementCents: 36_157, deltaCents: 36_157, outcome: 'PAID', paymentCents: 36_157 }),
      )
        .when(commands.regularize({ regularizationId: 'regularization-0002', through: '2025-06-14' }))
        .thenFails(RegularizationBeforeSettledDate, { through: '2025-06-14', settledThrough: '2025-06-15' }));

    it('accepts the same date again (a rules fix re-settles it)', () =>
      given(...histories.closedStoppage())
        .when(commands.regularize({ regularizationId: 'regularization-0002', through: JUNE_END }))
        .then([
          events.stoppageRegularized({
            regularizationId: 'regularization-0002',
            entitlementCents: JUNE_ENTITLEMENT_CENTS,
            paidBeforeCents: JUNE_ENTITLEMENT_CENTS,
            deltaCents: 0,
            outcome: 'NOTHING_DUE',
          }),
        ]));

    it('accepts, after a late early end on 06-10, a regularization through that last day and assesses what was paid after it', () =>
      given(
        ...histories.certifiedStoppage(),
        events.stoppageRegularized({ through: '2025-06-15', entitlementCents: 36_157, deltaCents: 36_157, outcome: 'PAID', paymentCents: 36_157 }),
        events.stoppageEndedEarly({ lastDay: '2025-06-10' }),
      )
        .when(commands.regularize({ regularizationId: 'regularization-0002', through: '2025-06-10' }))
        .then([
          events.stoppageRegularized({
            regularizationId: 'regularization-0002',
            through: '2025-06-10',
            // 06-02 to 06-10 = 9 days, 3 of carence: 6 × 32.87 € = 197.22 €; paid 361.57 € → 164.35 € overpaid.
            entitlementCents: 19_722,
            paidBeforeCents: 36_157,
            deltaCents: -16_435,
            outcome: 'OVERPAYMENT_ASSESSED',
            overpaymentAssessedCents: 16_435,
          }),
        ]));

    it('still refuses, after that early end, a date before the last day (06-09)', () =>
      given(
        ...histories.certifiedStoppage(),
        events.stoppageRegularized({ through: '2025-06-15', entitlementCents: 36_157, deltaCents: 36_157, outcome: 'PAID', paymentCents: 36_157 }),
        events.stoppageEndedEarly({ lastDay: '2025-06-10' }),
      )
        .when(commands.regularize({ regularizationId: 'regularization-0002', through: '2025-06-09' }))
        .thenFails(RegularizationBeforeSettledDate, { through: '2025-06-09' }));
  });

  it('may settle through today', () =>
    given(...histories.certifiedStoppage())
      .when(commands.regularize({ through: '2025-06-15' }), { today: '2025-06-15' })
      .then(histories.paidRegularization({ through: '2025-06-15', entitlementCents: 36_157, deltaCents: 36_157, paymentCents: 36_157, regularizedOn: '2025-06-15' })));

  it('refuses to settle days that have not happened yet', () =>
    given(...histories.certifiedStoppage())
      .when(commands.regularize({ through: '2025-06-16' }), { today: '2025-06-15' })
      .thenFails(RegularizationInFuture, { through: '2025-06-16', today: '2025-06-15' }));

  it('refuses without the salary certificate, naming the missing months', () =>
    given(...histories.openedStoppage(), events.advanceIssued())
      .when(commands.regularize())
      .thenFails(MissingSalaryCertificateError, { missingMonths: ['2025-03', '2025-04', '2025-05'] }));

  it("refuses a prolongation whose chain root has no certificate", () =>
    given(
      ...histories.openedStoppage(),
      events.stoppageOpened({ stoppageId: CONTINUATION_ID, startDate: '2025-07-01', endDate: '2025-07-15', prolongationOf: 'stoppage-0001' }),
    )
      .when(commands.regularize({ stoppageId: CONTINUATION_ID, through: '2025-07-15' }))
      .thenFails(MissingSalaryCertificateError, { stoppageId: CONTINUATION_ID }));

  it('refuses when the rules engine finds the certificate incomplete', () =>
    given(...histories.certifiedStoppage())
      .when(commands.regularize(), {
        rules: rulesAnswering((stoppageId) => ({
          status: 'MISSING_SALARY_CERTIFICATE',
          stoppageId,
          kind: 'SICKNESS',
          rulesVersion: 'test',
          through: JUNE_END,
          missingMonths: ['2025-02'],
          days: [],
          payableDays: 0,
          steps: [],
        })),
      })
      .thenFails(MissingSalaryCertificateError, { missingMonths: ['2025-02'] }));

  it('refuses when the rules engine has no parameter for a date', () =>
    given(...histories.certifiedStoppage())
      .when(commands.regularize(), {
        rules: rulesAnswering((stoppageId) => ({
          status: 'NO_PARAMETERS_FOR_DATE',
          stoppageId,
          kind: 'SICKNESS',
          rulesVersion: 'test',
          date: '2025-06-02',
          parameter: 'smic',
        })),
      })
      .thenFails(NoParametersForDateError, { date: '2025-06-02', parameter: 'smic' }));

  it('refuses when the rules version has no parameter row for the chain start', () =>
    given(...histories.certifiedStoppage())
      .when(commands.regularize(), { rules: rulesWithoutParameters() })
      .thenFails(NoParametersForDateError, { date: '2025-06-02' }));

  it('refuses an unknown stoppage', () =>
    given(...histories.certifiedStoppage())
      .when(commands.regularize({ stoppageId: OTHER_STOPPAGE_ID }))
      .thenFails(StoppageNotFound));
});
