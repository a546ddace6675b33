import { randomUUID } from 'node:crypto';
import { policyholderStream } from '@ij/ledger';
import { startTestLedger, testNir, type TestLedger } from '../support/ledger-harness';

/**
 * Issue 21, high and low: free text is checked at the entrance. Control characters (C0, C1), bidi embeddings,
 * overrides and isolates, lone surrogates and text empty once trimmed are refused with 400, one entry per
 * field, and nothing is recorded; accepted text is stored trimmed.
 */
describe('free text at the entrance', () => {
  let ledger: TestLedger;
  let serial = 41_000;
  let stoppageId: string;
  let policyholderId: string;

  beforeAll(async () => {
    ledger = await startTestLedger('sqlite');
    stoppageId = randomUUID();
    const opened = await ledger.command('clerk', '/v1/stoppages', { stoppageId, nir: testNir(++serial), kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' });
    policyholderId = opened.body.policyholderId;
  });
  afterAll(async () => {
    await ledger?.close();
  });

  const bad = [
    ['BEL', 'Camille\u0007Martin'],
    ['NUL', 'Camille\u0000'],
    ['ESC', '\u001b[31mCamille'],
    ['a C1 control', 'Camille\u0085Martin'],
    ['DEL', 'Camille\u007f'],
    ['a newline', 'Camille\nMartin'],
    ['a right-to-left override', 'Camille \u202eniltraM'],
    ['a bidi isolate', 'Camille \u2066Martin\u2069'],
    ['a lone surrogate', 'Camille \ud800'],
    ['only spaces', '   '],
    ['nothing', ''],
  ];

  it.each(bad)('refuses a holderName with %s, with one entry for the field', async (_label, holderName) => {
    const before = await ledger.ledger.storage.events.headPosition();
    const response = await ledger.command('clerk', `/v1/policyholders/${policyholderId}/bank-account`, { iban: 'FR7630006000011234567890189', holderName });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'holderName', message: expect.any(String) }]);
    expect(await ledger.ledger.storage.events.headPosition()).toBe(before);
  });

  it.each(bad)('refuses an advance reason with %s', async (_label, reason) => {
    const response = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, { amountCents: 100, reason });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'reason', message: expect.any(String) }]);
  });

  it('names every bad free-text field of one body, one entry each', async () => {
    const response = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/subrogations`, {
      employerId: 'siret\u0000',
      from: '2025-06-13',
      to: '2025-06-22',
      employerIban: 'FR7630004000031234567890143',
      employerName: '\u202eLRAS dnarud',
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['employerId', 'employerName']);
  });

  it('accepts accents and other letters, and stores free text trimmed', async () => {
    expect((await ledger.command('clerk', `/v1/policyholders/${policyholderId}/bank-account`, { iban: 'FR7630006000011234567890189', holderName: '  Zoë Weiß-Ørsted ' })).status).toBe(200);
    expect((await ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, { amountCents: 100, reason: '  certificate late  ' })).status).toBe(201);
    const events = await ledger.ledger.storage.events.readStream(policyholderStream(policyholderId));
    const account = events.find((event) => event.type === 'BankAccountRecorded')!.data as { account: { holderName: string } };
    expect(account.account.holderName).toBe('Zoë Weiß-Ørsted');
    const advance = events.find((event) => event.type === 'AdvanceIssued')!.data as { reason: string };
    expect(advance.reason).toBe('certificate late');
  });
});
