import { events } from '../test-support/events';
import { isPolicyholderEvent, policyholderStream } from './policyholder-events';
import { RULES_STREAM } from './rules-events';
import { UnsupportedEventSchema, upcast } from './upcast';

describe('reading stored events', () => {
  it('reads every version 1 event as it was written', () => {
    for (const event of Object.values(events).map((build) => build())) {
      expect(upcast(event.type, event.schemaVersion, event.data)).toEqual(event);
    }
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
