import { currentRules } from '../test-support/rules';
import type { PolicyholderEvent } from '../events/policyholder-events';
import { foldEvents } from '../state/evolve';
import { events } from '../test-support/events';
import { OTHER_STOPPAGE_ID, STOPPAGE_ID } from '../test-support/fixtures';
import { outstandingOverpayments, overpaymentAssessments, timeBarredOnOrBefore } from './overpayments';

const assessed = (regularizationId: string, regularizedOn: string, overpaymentAssessedCents: number, stoppageId = STOPPAGE_ID) =>
  events.stoppageRegularized({ stoppageId, regularizationId, regularizedOn, outcome: 'OVERPAYMENT_ASSESSED', deltaCents: -overpaymentAssessedCents, overpaymentAssessedCents });

const policyholderAfter = (...history: PolicyholderEvent[]) =>
  foldEvents([events.stoppageOpened(), events.stoppageOpened({ stoppageId: OTHER_STOPPAGE_ID, startDate: '2025-01-06', endDate: '2025-01-20' }), ...history]);

describe("a stoppage's overpayments, oldest first", () => {
  it('lists each assessment with what remains of it', () => {
    const stoppage = policyholderAfter(assessed('r1', '2025-07-01', 10_000), assessed('r2', '2025-08-01', 5_000)).stoppages.get(STOPPAGE_ID)!;
    expect(overpaymentAssessments(stoppage)).toEqual([
      // No payment on record went beyond the entitlement: the time bar runs from the assessment itself.
      { stoppageId: STOPPAGE_ID, regularizationId: 'r1', assessedOn: '2025-07-01', paidOn: '2025-07-01', assessedCents: 10_000, outstandingCents: 10_000 },
      { stoppageId: STOPPAGE_ID, regularizationId: 'r2', assessedOn: '2025-08-01', paidOn: '2025-08-01', assessedCents: 5_000, outstandingCents: 5_000 },
    ]);
  });

  it('takes an offset from the assessment it names, and recoveries from the oldest first', () => {
    const stoppage = policyholderAfter(
      assessed('r1', '2025-07-01', 10_000),
      assessed('r2', '2025-08-01', 5_000),
      events.overpaymentOffset({ overpaymentStoppageId: STOPPAGE_ID, overpaymentRegularizationId: 'r2', paymentStoppageId: OTHER_STOPPAGE_ID, amountCents: 2_000 }),
      events.recoveryRecorded({ amountCents: 12_000 }),
    ).stoppages.get(STOPPAGE_ID)!;
    // r1: 100.00 € − 100.00 € of the 120.00 € recovery = 0; r2: 50.00 − 20.00 offset − the recovery's last 20.00 = 10.00 €
    expect(overpaymentAssessments(stoppage).map(({ regularizationId, outstandingCents }) => ({ regularizationId, outstandingCents }))).toEqual([
      { regularizationId: 'r1', outstandingCents: 0 },
      { regularizationId: 'r2', outstandingCents: 1_000 },
    ]);
  });

  it('counts what a later regularization cancelled as settled', () => {
    const stoppage = policyholderAfter(
      assessed('r1', '2025-07-01', 10_000),
      events.stoppageRegularized({ regularizationId: 'r2', regularizedOn: '2025-08-01', overpaymentCancelledCents: 4_000 }),
    ).stoppages.get(STOPPAGE_ID)!;
    expect(overpaymentAssessments(stoppage)[0].outstandingCents).toBe(6_000);
  });
});

describe('time bar (L332-1)', () => {
  it('runs from the payment that went beyond the entitlement, not from the assessment', () => {
    // 500.00 € advanced on 2023-05-02 and 300.00 € on 2023-09-30 against 600.00 € due: the second payment overpaid.
    const stoppage = policyholderAfter(
      events.advanceIssued({ advanceId: 'a1', amountCents: 50_000, issuedOn: '2023-05-02' }),
      events.advanceIssued({ advanceId: 'a2', amountCents: 30_000, issuedOn: '2023-09-30' }),
      events.stoppageRegularized({ regularizationId: 'r1', regularizedOn: '2025-06-01', entitlementCents: 60_000, outcome: 'OVERPAYMENT_ASSESSED', overpaymentAssessedCents: 20_000 }),
    ).stoppages.get(STOPPAGE_ID)!;
    expect(overpaymentAssessments(stoppage)[0]).toMatchObject({ assessedOn: '2025-06-01', paidOn: '2023-09-30' });
  });

  it('bars what was assessed two years before today or earlier', () => {
    expect(timeBarredOnOrBefore('2025-09-30', currentRules())).toBe('2023-09-30');
    expect(timeBarredOnOrBefore('2024-02-29', currentRules())).toBe('2022-02-28');
  });
});

describe("a policyholder's outstanding overpayments", () => {
  const state = policyholderAfter(
    assessed('r-old', '2023-09-30', 7_000, OTHER_STOPPAGE_ID),
    assessed('r-recent', '2023-10-01', 3_000, OTHER_STOPPAGE_ID),
    assessed('r-here', '2025-07-01', 1_000),
    assessed('r-small', '2025-08-01', 500, OTHER_STOPPAGE_ID),
    events.recoveryRecorded({ stoppageId: OTHER_STOPPAGE_ID, amountCents: 7_000 }),
  );

  it('splits the recoverable ones, oldest first, from the time-barred ones, leaving out what is settled', () => {
    // the 70.00 € recovery settles r-old (oldest first): nothing of it is left to bar
    const { recoverable, timeBarred } = outstandingOverpayments(state, '2025-09-30', currentRules());
    expect(recoverable.map((assessment) => [assessment.regularizationId, assessment.outstandingCents])).toEqual([
      ['r-recent', 3_000],
      ['r-here', 1_000],
      ['r-small', 500],
    ]);
    expect(timeBarred).toEqual([]);
  });

  it('reports an unrecovered overpayment assessed two years ago as time-barred, never as recoverable', () => {
    const { recoverable, timeBarred } = outstandingOverpayments(state, '2025-10-01', currentRules());
    expect(timeBarred.map((assessment) => assessment.regularizationId)).toEqual(['r-recent']);
    expect(recoverable.map((assessment) => assessment.regularizationId)).toEqual(['r-here', 'r-small']);
  });

  it("leaves out the stoppage being paid (its own overpayment is settled by its own regularization)", () => {
    const { recoverable } = outstandingOverpayments(state, '2025-09-30', currentRules(), STOPPAGE_ID);
    expect(recoverable.map((assessment) => assessment.regularizationId)).toEqual(['r-recent', 'r-small']);
  });
});
