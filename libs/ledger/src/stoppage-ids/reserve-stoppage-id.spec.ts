import { StoppageIdTaken } from '../errors/registry-errors';
import { stoppageStream } from '../events/stoppage-id-events';
import { events } from '../test-support/events';
import { OTHER_POLICYHOLDER_ID, POLICYHOLDER_ID, STOPPAGE_ID } from '../test-support/fixtures';
import { reserveStoppageId } from './reserve-stoppage-id';

describe('reserving a stoppage id', () => {
  it('lives on a stream of its own', () => expect(stoppageStream(STOPPAGE_ID)).toBe('stoppage-stoppage-0001'));

  it('records the reservation of a free id', () =>
    expect(reserveStoppageId(STOPPAGE_ID, POLICYHOLDER_ID)).toEqual([events.stoppageIdReserved({ stoppageId: STOPPAGE_ID, policyholderId: POLICYHOLDER_ID })]));

  it('records nothing when the id is already reserved for the same policyholder', () =>
    expect(reserveStoppageId(STOPPAGE_ID, POLICYHOLDER_ID, events.stoppageIdReserved())).toEqual([]));

  it('refuses an id reserved for another policyholder', () =>
    expect(() => reserveStoppageId(STOPPAGE_ID, OTHER_POLICYHOLDER_ID, events.stoppageIdReserved())).toThrow(StoppageIdTaken));
});
