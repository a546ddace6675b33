import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withNirKey } from '@ij/ledger';
import { startLedgerProcess, type LedgerProcess } from '../support/ledger-process';

/**
 * The NIR and the API keys are secrets: a full run of the real process — commands, lookups, refusals,
 * invalid bodies — must not print either in a log line or an answer. Every byte the process writes and
 * every answer body is captured and searched.
 */
const CLERK_KEY = 'privacy-test-clerk-key-00001';
const AUDITOR_KEY = 'privacy-test-auditor-key-0001';
const NIR = withNirKey('1850578006084');
const WRONG_KEY_NIR = `${NIR.slice(0, 13)}${String((Number(NIR.slice(13)) % 97) + 1).padStart(2, '0')}`;

describe('privacy of NIRs and API keys', () => {
  let dataDirectory: string;
  let ledger: LedgerProcess;
  const answers: string[] = [];

  async function send(method: string, path: string, key: string | undefined, body?: unknown): Promise<number> {
    const response = await fetch(`${ledger.baseUrl}${path}`, {
      method,
      headers: {
        ...(key ? { Authorization: `Bearer ${key}` } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    answers.push(await response.text());
    return response.status;
  }

  beforeAll(async () => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'ij-ledger-privacy-'));
    ledger = await startLedgerProcess({
      LEDGER_DATA_DIR: dataDirectory,
      LEDGER_API_KEYS: `${CLERK_KEY}:clerk:clerk-1,${AUDITOR_KEY}:auditor:auditor-1`,
      LEDGER_POLICYHOLDER_SECRET: 'privacy-test-secret-0123456789abcdef0123',
      LOG_LEVEL: 'trace',
    });
  });
  afterAll(async () => {
    await ledger?.kill('SIGKILL');
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('never writes a NIR or a key to the log, an answer or a file other than the keys file', async () => {
    const stoppageId = randomUUID();
    expect(await send('POST', '/v1/stoppages', CLERK_KEY, { stoppageId, nir: NIR, kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' })).toBe(201);
    expect(await send('POST', '/v1/stoppages', CLERK_KEY, { stoppageId: randomUUID(), nir: WRONG_KEY_NIR, kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' })).toBe(400);
    expect(await send('POST', '/v1/stoppages', CLERK_KEY, { stoppageId, nir: NIR, kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29', extra: NIR })).toBe(400);
    await send('POST', '/v1/policyholders/search', CLERK_KEY, { nir: NIR });
    await send('POST', '/v1/policyholders/search', AUDITOR_KEY, { nir: WRONG_KEY_NIR });
    await send('POST', `/v1/stoppages/${stoppageId}/advances`, CLERK_KEY, { amountCents: 100, reason: 'privacy' });
    await send('GET', '/v1/rules', `${CLERK_KEY}x`);
    await send('GET', '/v1/rules', AUDITOR_KEY);
    await ledger.kill('SIGTERM');

    // Each request leaves one structured line: request id, actor, route template and status.
    const requestLines = ledger.output().split('\n').filter((line) => line.includes('"request completed"')).map((line) => JSON.parse(line));
    expect(requestLines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ req: expect.objectContaining({ id: expect.any(String) }), actor: 'clerk-1', route: '/v1/stoppages/:stoppageId/advances', res: { statusCode: 201 } }),
      ]),
    );

    const secrets = [NIR, NIR.slice(0, 13), WRONG_KEY_NIR, CLERK_KEY, AUDITOR_KEY];
    const output = ledger.output();
    expect(output.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      expect(output).not.toContain(secret);
      for (const answer of answers) expect(answer).not.toContain(secret);
    }
    // Nor in the stored log: the events and read models know the policyholder by the opaque id only.
    for (const file of readdirSync(dataDirectory).filter((name) => name.startsWith('ledger.sqlite'))) {
      const bytes = readFileSync(join(dataDirectory, file)).toString('latin1');
      expect(bytes).not.toContain(NIR.slice(0, 13));
    }
  }, 60_000);
});
