import { events } from '../test-support/events';
import { lateEvents } from '../test-support/late-facts';
import { isPolicyholderEvent, policyholderStream } from './policyholder-events';
import { RULES_STREAM } from './rules-events';
import { UnsupportedEventSchema, upcast } from './upcast';

describe('reading stored events', () => {
  it('reads every event of its current version as it was written', () => {
    for (const event of Object.values(events).map((build) => build())) {
      expect(upcast(event.type, event.schemaVersion, event.data)).toEqual(event);
    }
  });

  it('reads a StoppageOpened of version 1 (before employerId) as version 2 without an employer', () => {
    const { data } = events.stoppageOpened();
    expect(upcast('StoppageOpened', 1, data)).toEqual({ type: 'StoppageOpened', schemaVersion: 2, data });
    expect(upcast('StoppageOpened', 1, data).data).not.toHaveProperty('employerId');
  });

  it('refuses a StoppageOpened of a version not written yet', () => expect(() => upcast('StoppageOpened', 3, {})).toThrow(UnsupportedEventSchema));

  it('reads the late facts at version 1', () => {
    expect(upcast('StoppageRequalified', 1, lateEvents.stoppageRequalified().data)).toEqual(lateEvents.stoppageRequalified());
    expect(upcast('StoppageAnnulled', 1, lateEvents.stoppageAnnulled().data)).toEqual(lateEvents.stoppageAnnulled());
  });

  it('refuses a type it does not know', () => expect(() => upcast('StoppageTeleported', 1, {})).toThrow(UnsupportedEventSchema));

  it('refuses a schema version it has no reader for', () => expect(() => upcast('AdvanceIssued', 2, {})).toThrow(UnsupportedEventSchema));

  it("tells a policyholder's events from the others", () => {
    expect(isPolicyholderEvent(events.advanceIssued())).toBe(true);
    expect(isPolicyholderEvent(events.rulesVersionActivated())).toBe(false);
    expect(isPolicyholderEvent(events.stoppageIdReserved())).toBe(false);
  });

  it('names the streams', () => {
    expect(policyholderStream('policyholder-0001')).toBe('policyholder-policyholder-0001');
    expect(RULES_STREAM).toBe('rules');
  });
});
