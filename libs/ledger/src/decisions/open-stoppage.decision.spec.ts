import { NoParametersForDateError } from '../errors/payment-errors';
import { ProlongationKindMismatch, ProlongationOfUnknownStoppage, ProlongationOverlaps, StoppagesOverlap } from '../errors/prolongation-errors';
import { StoppageAlreadyExists, StoppageBeyondLongestPeriod, StoppageEndsBeforeStart } from '../errors/stoppage-errors';
import { commands } from '../test-support/commands';
import { events } from '../test-support/events';
import { ACCIDENT_DATE, CONTINUATION_ID, OTHER_STOPPAGE_ID, STOPPAGE_ID } from '../test-support/fixtures';
import { given } from '../test-support/given';
import { histories } from '../test-support/histories';
import { rulesWithoutParameters } from '../test-support/rules';

describe('opening a stoppage', () => {
  it('records its facts and the day it was opened', () =>
    given().when(commands.openStoppage()).then([events.stoppageOpened()]));

  it('records the optional facts it was given, and only those', () =>
    given()
      .when(
        commands.openStoppage({
          kind: 'OCCUPATIONAL_ACCIDENT',
          accidentDate: ACCIDENT_DATE,
          prescribedOn: '2025-06-02',
          aldAffectionId: undefined,
        }),
      )
      .then([events.stoppageOpened({ kind: 'OCCUPATIONAL_ACCIDENT', accidentDate: ACCIDENT_DATE, prescribedOn: '2025-06-02' })]));

  it('refuses an id this policyholder already has', () =>
    given(...histories.openedStoppage()).when(commands.openStoppage()).thenFails(StoppageAlreadyExists, { stoppageId: STOPPAGE_ID }));

  it('refuses a stoppage that ends before it starts', () =>
    given()
      .when(commands.openStoppage({ startDate: '2025-06-10', endDate: '2025-06-09' }))
      .thenFails(StoppageEndsBeforeStart, { startDate: '2025-06-10', endDate: '2025-06-09' }));

  describe('no chain outlasts the longest legal period: 3 years, date to date (L323-1 1°, R323-1 2°; issue 21)', () => {
    it('accepts an end on the day before the same date 3 years later (2025-06-02 → 2028-06-01)', () =>
      given()
        .when(commands.openStoppage({ startDate: '2025-06-02', endDate: '2028-06-01' }))
        .then([events.stoppageOpened({ startDate: '2025-06-02', endDate: '2028-06-01' })]));

    it('refuses an end one day later (2028-06-02), and 9999-12-31', () => {
      given()
        .when(commands.openStoppage({ startDate: '2025-06-02', endDate: '2028-06-02' }))
        .thenFails(StoppageBeyondLongestPeriod, { code: 'stoppage-beyond-longest-period', chainStartDate: '2025-06-02', latestEndDate: '2028-06-01' });
      given()
        .when(commands.openStoppage({ startDate: '2025-06-02', endDate: '9999-12-31' }))
        .thenFails(StoppageBeyondLongestPeriod, { endDate: '9999-12-31' });
    });

    it("counts a prolongation's period from its chain's start", () =>
      given(...histories.openedStoppage())
        .when(commands.openStoppage({ stoppageId: CONTINUATION_ID, startDate: '2025-07-01', endDate: '2028-06-02', prolongationOf: STOPPAGE_ID }))
        .thenFails(StoppageBeyondLongestPeriod, { chainStartDate: '2025-06-02', latestEndDate: '2028-06-01' }));
  });

  // A day prescribed twice would be paid twice by the rules engine, which counts each stoppage's days.
  it('refuses a stoppage covering a day of another one of the same policyholder', () =>
    given(...histories.openedStoppage())
      .when(commands.openStoppage({ stoppageId: OTHER_STOPPAGE_ID, kind: 'MATERNITY', startDate: '2025-06-30', endDate: '2025-07-20' }))
      .thenFails(StoppagesOverlap, { stoppageId: OTHER_STOPPAGE_ID, overlappedStoppageId: STOPPAGE_ID }));

  it('accepts a stoppage that starts the day after another one ends', () =>
    given(...histories.openedStoppage())
      .when(commands.openStoppage({ stoppageId: OTHER_STOPPAGE_ID, startDate: '2025-07-01', endDate: '2025-07-20' }))
      .then([events.stoppageOpened({ stoppageId: OTHER_STOPPAGE_ID, startDate: '2025-07-01', endDate: '2025-07-20' })]));

  it('accepts a one-day stoppage', () =>
    given()
      .when(commands.openStoppage({ startDate: '2025-06-10', endDate: '2025-06-10' }))
      .then([events.stoppageOpened({ startDate: '2025-06-10', endDate: '2025-06-10' })]));

  it('refuses a start date that has no parameter row (ij-rules §2)', () =>
    given()
      .when(commands.openStoppage({ startDate: '2023-06-01', endDate: '2023-06-30' }))
      .thenFails(NoParametersForDateError, { kind: 'SICKNESS', date: '2023-06-01' }));

  it('checks the parameter row of the chain start, not of the prolongation', () =>
    given(...histories.certifiedStoppage())
      .when(commands.openStoppage({ stoppageId: CONTINUATION_ID, startDate: '2025-07-01', endDate: '2025-07-15', prolongationOf: STOPPAGE_ID }), {
        rules: rulesWithoutParameters(),
      })
      .thenFails(NoParametersForDateError, { date: '2025-06-02' }));

  describe('as the prolongation of another stoppage', () => {
    const continuation = { stoppageId: CONTINUATION_ID, startDate: '2025-07-01', endDate: '2025-07-15', prolongationOf: STOPPAGE_ID };

    it('records it when it starts after the previous one ends', () =>
      given(...histories.certifiedStoppage()).when(commands.openStoppage(continuation)).then([events.stoppageOpened(continuation)]));

    it('refuses to prolong a stoppage this policyholder does not have', () =>
      given()
        .when(commands.openStoppage(continuation))
        .thenFails(ProlongationOfUnknownStoppage, { stoppageId: CONTINUATION_ID, prolongationOf: STOPPAGE_ID }));

    it('refuses to prolong a stoppage of another kind', () =>
      given(...histories.certifiedStoppage())
        .when(commands.openStoppage({ ...continuation, kind: 'OCCUPATIONAL_DISEASE' }))
        .thenFails(ProlongationKindMismatch, { kind: 'OCCUPATIONAL_DISEASE', previousKind: 'SICKNESS' }));

    it('refuses a start on or before the previous end', () =>
      given(...histories.certifiedStoppage())
        .when(commands.openStoppage({ ...continuation, startDate: '2025-06-30' }))
        .thenFails(ProlongationOverlaps, { startDate: '2025-06-30', previousEndDate: '2025-06-30' }));

    it('measures the overlap against an early end', () =>
      given(...histories.certifiedStoppage(), events.stoppageEndedEarly({ lastDay: '2025-06-10' }))
        .when(commands.openStoppage({ ...continuation, startDate: '2025-06-11' }))
        .then([events.stoppageOpened({ ...continuation, startDate: '2025-06-11' })]));
  });
});
