import { ProlongationOverlaps, StoppagesOverlap } from '../errors/prolongation-errors';
import { ExtensionNotLater, StoppageBeyondLongestPeriod, StoppageClosed, StoppageEndedEarlyError, StoppageNotFound } from '../errors/stoppage-errors';
import { commands } from '../test-support/commands';
import { events } from '../test-support/events';
import { CONTINUATION_ID, JUNE_END, OTHER_STOPPAGE_ID } from '../test-support/fixtures';
import { given } from '../test-support/given';
import { histories } from '../test-support/histories';

describe('extending a stoppage', () => {
  it('records the new end date and the one it replaces', () =>
    given(...histories.openedStoppage())
      .when(commands.extendStoppage({ newEndDate: '2025-07-15' }))
      .then([events.stoppageExtended({ previousEndDate: JUNE_END, newEndDate: '2025-07-15' })]));

  it('records the date of the new prescription when there is one', () =>
    given(...histories.openedStoppage())
      .when(commands.extendStoppage({ newEndDate: '2025-07-15', prescribedOn: '2025-06-28' }))
      .then([events.stoppageExtended({ newEndDate: '2025-07-15', prescribedOn: '2025-06-28' })]));

  it('refuses an extension to 9999-12-31: the chain would outlast 3 years, date to date (issue 21)', () =>
    given(...histories.openedStoppage())
      .when(commands.extendStoppage({ newEndDate: '9999-12-31' }))
      .thenFails(StoppageBeyondLongestPeriod, { chainStartDate: '2025-06-02', endDate: '9999-12-31', latestEndDate: '2028-06-01' }));

  it('accepts an extension to the last day of the 3 years (2028-06-01)', () =>
    given(...histories.openedStoppage())
      .when(commands.extendStoppage({ newEndDate: '2028-06-01' }))
      .then([events.stoppageExtended({ previousEndDate: JUNE_END, newEndDate: '2028-06-01' })]));

  it('refuses to extend into another stoppage of the policyholder', () =>
    given(
      ...histories.openedStoppage(),
      events.stoppageOpened({ stoppageId: OTHER_STOPPAGE_ID, kind: 'MATERNITY', startDate: '2025-07-10', endDate: '2025-08-10' }),
    )
      .when(commands.extendStoppage({ newEndDate: '2025-07-15' }))
      .thenFails(StoppagesOverlap, { overlappedStoppageId: OTHER_STOPPAGE_ID }));

  it('extends from the end set by an earlier extension', () =>
    given(...histories.openedStoppage(), events.stoppageExtended({ newEndDate: '2025-07-15' }))
      .when(commands.extendStoppage({ newEndDate: '2025-07-31' }))
      .then([events.stoppageExtended({ previousEndDate: '2025-07-15', newEndDate: '2025-07-31' })]));

  it('refuses an end that is not later than the current one', () =>
    given(...histories.openedStoppage())
      .when(commands.extendStoppage({ newEndDate: JUNE_END }))
      .thenFails(ExtensionNotLater, { currentEndDate: JUNE_END, newEndDate: JUNE_END }));

  it('refuses an end earlier than the current one (that is an early end)', () =>
    given(...histories.openedStoppage())
      .when(commands.extendStoppage({ newEndDate: '2025-06-20' }))
      .thenFails(ExtensionNotLater));

  it('refuses to extend a stoppage that was ended early', () =>
    given(...histories.openedStoppage(), events.stoppageEndedEarly({ lastDay: '2025-06-10' }))
      .when(commands.extendStoppage())
      .thenFails(StoppageEndedEarlyError, { lastDay: '2025-06-10' }));

  it('refuses to extend a closed stoppage', () =>
    given(...histories.closedStoppage()).when(commands.extendStoppage()).thenFails(StoppageClosed));

  it('refuses to extend into the stoppage that prolongs it', () =>
    given(...histories.prolongedStoppage())
      .when(commands.extendStoppage({ newEndDate: '2025-07-01' }))
      .thenFails(ProlongationOverlaps, { stoppageId: CONTINUATION_ID }));

  it('refuses an unknown stoppage', () =>
    given(...histories.openedStoppage())
      .when(commands.extendStoppage({ stoppageId: OTHER_STOPPAGE_ID }))
      .thenFails(StoppageNotFound, { stoppageId: OTHER_STOPPAGE_ID }));
});
