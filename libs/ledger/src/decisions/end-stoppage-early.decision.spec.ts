import { EarlyEndOutsideStoppage, StoppageNotFound } from '../errors/stoppage-errors';
import { commands } from '../test-support/commands';
import { events } from '../test-support/events';
import { JUNE_END, JUNE_START, OTHER_STOPPAGE_ID } from '../test-support/fixtures';
import { given } from '../test-support/given';
import { histories } from '../test-support/histories';

describe('ending a stoppage early', () => {
  it('records the last day and the end it cuts short', () =>
    given(...histories.openedStoppage())
      .when(commands.endStoppageEarly({ lastDay: '2025-06-10' }))
      .then([events.stoppageEndedEarly({ lastDay: '2025-06-10', previousEndDate: JUNE_END })]));

  it('may end it on its first day', () =>
    given(...histories.openedStoppage())
      .when(commands.endStoppageEarly({ lastDay: JUNE_START }))
      .then([events.stoppageEndedEarly({ lastDay: JUNE_START })]));

  it('may bring an early end further forward', () =>
    given(...histories.openedStoppage(), events.stoppageEndedEarly({ lastDay: '2025-06-10' }))
      .when(commands.endStoppageEarly({ lastDay: '2025-06-05' }))
      .then([events.stoppageEndedEarly({ lastDay: '2025-06-05', previousEndDate: '2025-06-10' })]));

  it('is still allowed after a partial regularization', () =>
    given(...histories.certifiedStoppage(), events.stoppageRegularized({ through: '2025-06-15' }))
      .when(commands.endStoppageEarly({ lastDay: '2025-06-10' }))
      .then([events.stoppageEndedEarly({ lastDay: '2025-06-10' })]));

  it('refuses a last day before the start', () =>
    given(...histories.openedStoppage())
      .when(commands.endStoppageEarly({ lastDay: '2025-06-01' }))
      .thenFails(EarlyEndOutsideStoppage, { lastDay: '2025-06-01', startDate: JUNE_START, currentEndDate: JUNE_END }));

  it('refuses a last day on the current end (nothing would change)', () =>
    given(...histories.openedStoppage()).when(commands.endStoppageEarly({ lastDay: JUNE_END })).thenFails(EarlyEndOutsideStoppage));

  it('refuses a last day after the current end', () =>
    given(...histories.openedStoppage()).when(commands.endStoppageEarly({ lastDay: '2025-07-02' })).thenFails(EarlyEndOutsideStoppage));

  it('refuses a last day at or after an earlier early end', () =>
    given(...histories.openedStoppage(), events.stoppageEndedEarly({ lastDay: '2025-06-10' }))
      .when(commands.endStoppageEarly({ lastDay: '2025-06-12' }))
      .thenFails(EarlyEndOutsideStoppage, { currentEndDate: '2025-06-10' }));

  it('accepts the early end of a closed stoppage (paid in full, then reported): it reopens it', () =>
    given(...histories.closedStoppage()).when(commands.endStoppageEarly()).then([events.stoppageEndedEarly()]));

  it('refuses an unknown stoppage', () =>
    given().when(commands.endStoppageEarly({ stoppageId: OTHER_STOPPAGE_ID })).thenFails(StoppageNotFound));
});
