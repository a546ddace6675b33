import { events } from '../test-support/events';
import { CONTINUATION_ID, JUNE_END, SICKNESS_SALARIES, STOPPAGE_ID } from '../test-support/fixtures';
import { histories } from '../test-support/histories';
import { foldEvents } from '../state/evolve';
import { toPolicyholderFacts } from './to-policyholder-facts';

describe('the facts given to the rules engine', () => {
  it('describe each stoppage in opening order, without fields that were never given', () =>
    expect(toPolicyholderFacts(foldEvents([...histories.certifiedStoppage(), events.stoppageEndedEarly({ lastDay: '2025-06-10' })]))).toEqual({
      stoppages: [
        {
          stoppageId: STOPPAGE_ID,
          kind: 'SICKNESS',
          startDate: '2025-06-02',
          endDate: JUNE_END,
          lastDay: '2025-06-10',
          salaries: SICKNESS_SALARIES,
        },
      ],
    }));

  it("give a continuation without a certificate its chain root's salaries", () =>
    expect(toPolicyholderFacts(foldEvents(histories.prolongedStoppage())).stoppages[1]).toEqual({
      stoppageId: CONTINUATION_ID,
      kind: 'SICKNESS',
      startDate: '2025-07-01',
      endDate: '2025-07-15',
      prolongationOf: STOPPAGE_ID,
      salaries: SICKNESS_SALARIES,
    }));

  it('give a stoppage without a certificate no salaries', () =>
    expect(toPolicyholderFacts(foldEvents(histories.openedStoppage())).stoppages[0].salaries).toBeUndefined());
});
