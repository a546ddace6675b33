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

  it('reads a release-13 BankAccountRecorded (v1) as recorded by no known actor and not waiting for a confirmation', () =>
    expect(upcast('BankAccountRecorded', 1, { policyholderId: 'p', account: { iban: 'FR76', holderName: 'A' }, recordedOn: '2025-06-01' })).toEqual({
      type: 'BankAccountRecorded', schemaVersion: 2, data: { policyholderId: 'p', account: { iban: 'FR76', holderName: 'A' }, recordedOn: '2025-06-01', recordedBy: 'unknown', awaitsConfirmation: false },
    }));

  it('reads a release-13 PaymentRunCompleted (v1) with the figures of the payments it held, which stay its bank file', () => {
    const payment = { paymentId: 'p1H', stoppageId: 's', regularizationId: 'r', payee: 'POLICYHOLDER', creditorAccount: { iban: 'FR76', holderName: 'A' }, grossCents: 25_879, offsetCents: 0, transferredGrossCents: 25_879, csgCents: 1_604, crdsCents: 130, netCents: 24_145, orderedOn: '2025-07-01' };
    const noAccount = { ...payment, paymentId: 'p2H', creditorAccount: undefined };
    const read = upcast('PaymentRunCompleted', 1, { runId: 'r1', through: '2025-06-30', rulesVersion: '2026.2', completedAt: 'x', processed: 2, total: 2, regularized: 2, paidCount: 2, paidGrossCents: 51_758, offsetCents: 0, paidCents: 48_290, skipped: [], payments: [payment, noAccount] });
    // Only the payment with an account was in its file: 1 transfer of 241.45 €.
    expect(read).toMatchObject({ schemaVersion: 2, data: { reordered: 0, exported: { count: 1, netCents: 24_145, byPayee: { POLICYHOLDER: { count: 1, netCents: 24_145 }, EMPLOYER: { count: 0, netCents: 0 } } }, legacyPayments: [payment, noAccount] } });
  });

  it('refuses a type it does not know', () => expect(() => upcast('StoppageTeleported', 1, {})).toThrow(UnsupportedEventSchema));

  it('refuses a schema version it has no reader for', () => {
    expect(() => upcast('AdvanceIssued', 2, {})).toThrow(UnsupportedEventSchema);
    expect(() => upcast('BankAccountRecorded', 3, {})).toThrow(UnsupportedEventSchema);
  });

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
