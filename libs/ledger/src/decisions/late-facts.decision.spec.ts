import type { PolicyholderCommand } from '../commands/commands';
import { StoppageAnnulledError, RequalificationNotApplicable, StoppageContinued } from '../errors/late-fact-errors';
import { StoppageNotFound } from '../errors/stoppage-errors';
import { StoppagesOverlap } from '../errors/prolongation-errors';
import type { PolicyholderEvent, StoppageRegularized } from '../events/policyholder-events';
import { foldEvents } from '../state/evolve';
import { upcast } from '../events/upcast';
import { commands } from '../test-support/commands';
import { events } from '../test-support/events';
import { CONTINUATION_ID, JUNE_END, JUNE_ENTITLEMENT_CENTS, OTHER_STOPPAGE_ID, STOPPAGE_ID } from '../test-support/fixtures';
import { given } from '../test-support/given';
import { histories } from '../test-support/histories';
import { lateCommands, lateEvents } from '../test-support/late-facts';
import { decisionContext } from '../test-support/rules';
import { decide } from './decide';

/** The figures of the regularization a Regularize records after the history. */
function regularizedAfter(history: PolicyholderEvent[], through: string, command: Partial<PolicyholderCommand> = {}): StoppageRegularized['data'] {
  const decided = decide(commands.regularize({ through, ...command }), foldEvents(history), decisionContext());
  const regularized = decided.find((event): event is StoppageRegularized => event.type === 'StoppageRegularized');
  if (!regularized) throw new Error('no regularization recorded');
  return regularized.data;
}

/** 2025-06-02..15, sickness on 3 × 2 000 €, settled through its end: 11 days (14 less 3 of carence) × 32.87 € = 361.57 €. */
const MID_JUNE_END = '2025-06-15';
const settledMidJune = (): PolicyholderEvent[] => [
  events.stoppageOpened({ endDate: MID_JUNE_END }),
  events.salaryCertificateRecorded(),
  events.stoppageRegularized({ through: MID_JUNE_END, entitlementCents: 36_157, deltaCents: 36_157, outcome: 'PAID', paymentCents: 36_157 }),
];

describe('an early end reported after the stoppage was paid in full (ij-rules §4)', () => {
  it('is recorded on a closed stoppage', () =>
    given(...histories.closedStoppage())
      .when(commands.endStoppageEarly({ lastDay: '2025-06-10' }))
      .then([events.stoppageEndedEarly({ lastDay: '2025-06-10', previousEndDate: JUNE_END })]));

  it('reopens the stoppage for settlement', () => {
    const state = foldEvents([...histories.closedStoppage(), events.stoppageEndedEarly({ lastDay: '2025-06-10' })]);
    expect(state.stoppages.get(STOPPAGE_ID)).toMatchObject({ status: 'open', lastDay: '2025-06-10' });
    expect(state.stoppages.get(STOPPAGE_ID)).not.toHaveProperty('closedByRegularizationId');
  });

  it('lets the next regularization assess the overpayment: 854.62 € paid, 6 days × 32.87 = 197.22 € due, 657.40 € overpaid', () =>
    // 06-02..06-10 is 9 days, the first 3 are carence: 6 payable days × 32.87 € = 197.22 €; 854.62 − 197.22 = 657.40 €.
    expect(regularizedAfter([...histories.closedStoppage(), events.stoppageEndedEarly({ lastDay: '2025-06-10' })], '2025-06-10')).toMatchObject({
      entitlementCents: 19_722,
      paidBeforeCents: JUNE_ENTITLEMENT_CENTS,
      deltaCents: 19_722 - 85_462,
      outcome: 'OVERPAYMENT_ASSESSED',
      overpaymentAssessedCents: 65_740,
      paymentCents: 0,
    }));

  it('closes the stoppage again once settled through its new last day', () => {
    const history = [...histories.closedStoppage(), events.stoppageEndedEarly({ lastDay: '2025-06-10' })];
    const decided = decide(commands.regularize({ regularizationId: 'regularization-0002', through: '2025-06-10' }), foldEvents(history), decisionContext());
    expect(foldEvents([...history, ...decided]).stoppages.get(STOPPAGE_ID)).toMatchObject({ status: 'closed', closedByRegularizationId: 'regularization-0002' });
  });
});

describe('a corrected salary certificate', () => {
  it('is recorded on a settled stoppage, the first one staying in the history', () =>
    given(...histories.closedStoppage())
      .when(commands.recordSalaryCertificate({ salaries: [{ month: '2025-03', grossCents: 210_000 }, { month: '2025-04', grossCents: 210_000 }, { month: '2025-05', grossCents: 210_000 }] }))
      .then([events.salaryCertificateRecorded({ salaries: [{ month: '2025-03', grossCents: 210_000 }, { month: '2025-04', grossCents: 210_000 }, { month: '2025-05', grossCents: 210_000 }] })]));

  it('pays the difference when the salaries were higher: 3 × 2 100 € → IJ 34.52 €, 26 days 897.52 €, 42.90 € more', () => {
    // 6 300 / 91.25 = 69.0410… → base 69.04; 50 % = 34.52; 26 × 34.52 = 897.52; 897.52 − 854.62 = 42.90.
    const corrected = events.salaryCertificateRecorded({ salaries: ['2025-03', '2025-04', '2025-05'].map((month) => ({ month, grossCents: 210_000 })) });
    expect(regularizedAfter([...histories.closedStoppage(), corrected], JUNE_END)).toMatchObject({ entitlementCents: 89_752, paidBeforeCents: 85_462, outcome: 'PAID', paymentCents: 4_290 });
  });

  it('assesses an overpayment when they were lower: 3 × 1 900 € → IJ 31.23 €, 26 days 811.98 €, 42.64 € overpaid', () => {
    // 5 700 / 91.25 = 62.4657… → base 62.47; 50 % = 31.235, truncated 31.23; 26 × 31.23 = 811.98; 854.62 − 811.98 = 42.64.
    const corrected = events.salaryCertificateRecorded({ salaries: ['2025-03', '2025-04', '2025-05'].map((month) => ({ month, grossCents: 190_000 })) });
    expect(regularizedAfter([...histories.closedStoppage(), corrected], JUNE_END)).toMatchObject({ entitlementCents: 81_198, outcome: 'OVERPAYMENT_ASSESSED', overpaymentAssessedCents: 4_264 });
  });

  it('replaces the first one for computation, without losing either from the events', () => {
    const corrected = events.salaryCertificateRecorded({ salaries: ['2025-03', '2025-04', '2025-05'].map((month) => ({ month, grossCents: 190_000 })) });
    expect(foldEvents([...histories.closedStoppage(), corrected]).stoppages.get(STOPPAGE_ID)?.salaries).toEqual(corrected.data.salaries);
  });
});

describe('requalifying a stoppage', () => {
  it('records the new kind, the kind it had and the accident date', () =>
    given(...settledMidJune())
      .when(lateCommands.requalifyStoppage({ kind: 'OCCUPATIONAL_ACCIDENT', accidentDate: '2025-06-01', recognizedOn: '2025-09-15' }))
      .then([lateEvents.stoppageRequalified({ stoppageIds: [STOPPAGE_ID], previousKind: 'SICKNESS', kind: 'OCCUPATIONAL_ACCIDENT', accidentDate: '2025-06-01' })]));

  it('settles the difference from the chain start: sickness 361.57 € paid, occupational 14 × 39.45 = 552.30 € due, 190.73 € more', () =>
    // Occupational (R433-1): May 2025 = 2 000 € / 30.42 = 65.746… → SJR 65.75; 60 % = 39.45 €; no carence, the accident
    // (06-01) was before the first day so all 14 days 06-02..15 are indemnified: 14 × 39.45 = 552.30; 552.30 − 361.57 = 190.73.
    expect(regularizedAfter([...settledMidJune(), lateEvents.stoppageRequalified()], MID_JUNE_END)).toMatchObject({
      entitlementCents: 55_230,
      paidBeforeCents: 36_157,
      deltaCents: 19_073,
      outcome: 'PAID',
      paymentCents: 19_073,
    }));

  it('applies the accident-day rule when the accident is on the first day: 13 × 39.45 = 512.85 €', () =>
    // The day of the accident is the employer's: indemnified days are 06-03..15, 13 × 39.45 = 512.85.
    expect(regularizedAfter([...settledMidJune(), lateEvents.stoppageRequalified({ accidentDate: '2025-06-02' })], MID_JUNE_END)).toMatchObject({ entitlementCents: 51_285, paymentCents: 51_285 - 36_157 }));

  it('the reverse, when recognition is refused: back to sickness with its carence, the difference overpaid', () => {
    // Paid 14 × 39.45 = 552.30 as an accident; as sickness 11 × 32.87 = 361.57; 552.30 − 361.57 = 190.73 overpaid.
    const accident = [
      events.stoppageOpened({ endDate: MID_JUNE_END, kind: 'OCCUPATIONAL_ACCIDENT', accidentDate: '2025-06-01' }),
      events.salaryCertificateRecorded(),
      events.stoppageRegularized({ through: MID_JUNE_END, entitlementCents: 55_230, deltaCents: 55_230, outcome: 'PAID', paymentCents: 55_230 }),
    ];
    const refused = lateEvents.stoppageRequalified({ previousKind: 'OCCUPATIONAL_ACCIDENT', kind: 'SICKNESS', accidentDate: undefined, previousAccidentDate: '2025-06-01' });
    delete (refused.data as { accidentDate?: string }).accidentDate;
    given(...accident).when(lateCommands.requalifyStoppage({ kind: 'SICKNESS', accidentDate: undefined })).then([refused]);
    expect(regularizedAfter([...accident, refused], MID_JUNE_END)).toMatchObject({ entitlementCents: 36_157, outcome: 'OVERPAYMENT_ASSESSED', overpaymentAssessedCents: 19_073 });
  });

  it('each regularization records the kind it was computed under (StoppageRegularized v2)', () =>
    expect(regularizedAfter([...settledMidJune(), lateEvents.stoppageRequalified()], MID_JUNE_END).kind).toBe('OCCUPATIONAL_ACCIDENT'));

  it('a version 1 regularization, read without its kind, keeps the kind the stoppage had then', () => {
    const [opened, certificate, regularized] = settledMidJune();
    const { kind: _kind, ...v1Data } = (regularized as StoppageRegularized).data;
    const v1 = upcast('StoppageRegularized', 1, v1Data) as StoppageRegularized;
    expect(v1.data).not.toHaveProperty('kind');
    const state = foldEvents([opened, certificate, v1, lateEvents.stoppageRequalified()]);
    expect(state.stoppages.get(STOPPAGE_ID)?.kind).toBe('OCCUPATIONAL_ACCIDENT');
    expect(state.stoppages.get(STOPPAGE_ID)?.regularizations[0].kind).toBe('SICKNESS');
  });

  it('carries the whole prolongation chain', () =>
    given(...histories.prolongedStoppage())
      .when(lateCommands.requalifyStoppage({ stoppageId: CONTINUATION_ID }))
      .then([lateEvents.stoppageRequalified({ stoppageId: CONTINUATION_ID, stoppageIds: [STOPPAGE_ID, CONTINUATION_ID] })]));

  it('refuses the same kind', () =>
    given(...histories.certifiedStoppage()).when(lateCommands.requalifyStoppage({ kind: 'SICKNESS', accidentDate: undefined })).thenFails(RequalificationNotApplicable, { currentKind: 'SICKNESS', kind: 'SICKNESS' }));

  it('refuses a kind other than sickness or occupational', () =>
    given(...histories.certifiedStoppage()).when(lateCommands.requalifyStoppage({ kind: 'MATERNITY', accidentDate: undefined })).thenFails(RequalificationNotApplicable));

  it('refuses a maternity stoppage', () =>
    given(events.stoppageOpened({ kind: 'MATERNITY' })).when(lateCommands.requalifyStoppage()).thenFails(RequalificationNotApplicable, { currentKind: 'MATERNITY' }));

  it('refuses an unknown stoppage', () => given().when(lateCommands.requalifyStoppage()).thenFails(StoppageNotFound));

  it('refuses an annulled stoppage', () =>
    given(...histories.certifiedStoppage(), lateEvents.stoppageAnnulled()).when(lateCommands.requalifyStoppage()).thenFails(StoppageAnnulledError, { stoppageId: STOPPAGE_ID }));
});

describe('annulling a stoppage', () => {
  it('records the reason', () =>
    given(...histories.closedStoppage()).when(lateCommands.annulStoppage({ reason: 'wrong policyholder' })).then([lateEvents.stoppageAnnulled({ reason: 'wrong policyholder' })]));

  it('turns what was paid into an overpayment at its next regularization: 854.62 € paid, nothing due', () =>
    expect(regularizedAfter([...histories.closedStoppage(), lateEvents.stoppageAnnulled()], JUNE_END)).toMatchObject({
      entitlementCents: 0,
      paidBeforeCents: 85_462,
      deltaCents: -85_462,
      outcome: 'OVERPAYMENT_ASSESSED',
      overpaymentAssessedCents: 85_462,
    }));

  it('settles an annulled stoppage without its salary certificate: the advance is overpaid', () =>
    expect(regularizedAfter([...histories.openedStoppage(), events.advanceIssued({ amountCents: 30_000 }), lateEvents.stoppageAnnulled()], JUNE_END)).toMatchObject({ entitlementCents: 0, overpaymentAssessedCents: 30_000 }));

  it('still accepts a recovery of what it overpaid', () =>
    given(...histories.closedStoppage(), lateEvents.stoppageAnnulled(), events.stoppageRegularized({ regularizationId: 'regularization-0002', entitlementCents: 0, paidBeforeCents: 85_462, deltaCents: -85_462, outcome: 'OVERPAYMENT_ASSESSED', overpaymentAssessedCents: 85_462 }))
      .when(commands.recordRecovery({ amountCents: 10_000 }))
      .then([events.recoveryRecorded({ amountCents: 10_000 })]));

  it('frees its days for the right stoppage', () =>
    given(...histories.certifiedStoppage(), lateEvents.stoppageAnnulled())
      .when(commands.openStoppage({ stoppageId: OTHER_STOPPAGE_ID }))
      .then([events.stoppageOpened({ stoppageId: OTHER_STOPPAGE_ID })]));

  it('leaves the others computed as if it had never been: a sickness stoppage right after it serves its own carence', () => {
    // Without the annulled June stoppage, the July one (07-01..07-15, not a prolongation) has its own carence: 12 × 32.87 = 394.44.
    // Its certificate: April to June 2025, 2 000 € each, so the same 32.87 € a day.
    const history = [
      ...histories.certifiedStoppage(),
      lateEvents.stoppageAnnulled(),
      events.stoppageOpened({ stoppageId: OTHER_STOPPAGE_ID, startDate: '2025-07-01', endDate: '2025-07-15' }),
      events.salaryCertificateRecorded({ stoppageId: OTHER_STOPPAGE_ID, salaries: ['2025-04', '2025-05', '2025-06'].map((month) => ({ month, grossCents: 200_000 })) }),
    ];
    expect(regularizedAfter(history, '2025-07-15', { stoppageId: OTHER_STOPPAGE_ID })).toMatchObject({ entitlementCents: 39_444 });
  });

  it('refuses a stoppage continued by another', () =>
    given(...histories.prolongedStoppage()).when(lateCommands.annulStoppage()).thenFails(StoppageContinued, { continuationId: CONTINUATION_ID }));

  it('refuses a second annulment', () =>
    given(...histories.closedStoppage(), lateEvents.stoppageAnnulled()).when(lateCommands.annulStoppage()).thenFails(StoppageAnnulledError));

  it('refuses an unknown stoppage', () => given().when(lateCommands.annulStoppage()).thenFails(StoppageNotFound));

  const refusedAfterAnnulment: [string, PolicyholderCommand][] = [
    ['an extension', commands.extendStoppage()],
    ['an early end', commands.endStoppageEarly({ lastDay: '2025-06-10' })],
    ['a salary certificate', commands.recordSalaryCertificate()],
    ['an advance', commands.issueAdvance()],
    ['a subrogation', commands.recordSubrogation()],
    ['a prolongation of it', commands.openStoppage({ stoppageId: OTHER_STOPPAGE_ID, startDate: '2025-07-01', endDate: '2025-07-15', prolongationOf: STOPPAGE_ID })],
  ];
  it.each(refusedAfterAnnulment)('then refuses %s with stoppage-annulled', (_what, command) =>
    given(...histories.certifiedStoppage(), lateEvents.stoppageAnnulled()).when(command).thenFails(StoppageAnnulledError, { code: 'stoppage-annulled' }));
});

describe('an employer on the stoppage', () => {
  it('is recorded when given (StoppageOpened v2)', () =>
    given().when(commands.openStoppage({ employerId: '73282932000074' })).then([events.stoppageOpened({ employerId: '73282932000074' })]));

  it('overlap is still refused against a live stoppage', () =>
    given(...histories.certifiedStoppage()).when(commands.openStoppage({ stoppageId: OTHER_STOPPAGE_ID })).thenFails(StoppagesOverlap));
});
