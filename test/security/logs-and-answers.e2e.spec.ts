import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withNirKey } from '@ij/ledger';
import { startLedgerProcess, type LedgerProcess } from '../support/ledger-process';

/**
 * Issue 21, low: full URLs were logged (a NIR or a key put in a path or a query string reached the log) and a
 * 404 echoed the path. Log lines carry the route template only; a 404 names no path; the process listens on
 * the bind address it was given.
 */
describe('logs and answers do not repeat URLs', () => {
  const CLERK = 'logs-test-clerk-key-000001';
  const NIR = withNirKey('2690549588157');
  let dataDirectory: string;
  let ledger: LedgerProcess;

  beforeAll(async () => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'ij-ledger-logs-'));
    ledger = await startLedgerProcess({
      LEDGER_DATA_DIR: dataDirectory,
      LEDGER_API_KEYS: `${CLERK}:clerk:clerk-1`,
      LEDGER_POLICYHOLDER_SECRET: 'logs-test-policyholder-secret-0123456789',
      LEDGER_BIND_ADDRESS: '127.0.0.1',
      LOG_LEVEL: 'info',
    });
  }, 60_000);
  afterAll(async () => {
    await ledger?.kill();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('logs the route template, never the path or the query, and answers a 404 without the path', async () => {
    const headers = { Authorization: `Bearer ${CLERK}` };
    const known = await fetch(`${ledger.baseUrl}/v1/stoppages/${randomUUID()}?nir=${NIR}&key=${CLERK}`, { headers });
    // Unknown query parameters are refused (400); what matters is what the log keeps of the URL.
    expect(known.status).toBe(400);
    const unknown = await fetch(`${ledger.baseUrl}/v1/lookup/${NIR}?apiKey=${CLERK}`, { headers });
    expect(unknown.status).toBe(404);
    const body = await unknown.text();
    expect(body).not.toContain(NIR);
    expect(body).not.toContain('/v1/lookup');
    expect(JSON.parse(body)).toMatchObject({ status: 404, detail: 'No resource answers this method and path.' });
    await ledger.kill('SIGTERM');

    const lines = ledger.output().split('\n').filter((line) => line.includes('"request completed"')).map((line) => JSON.parse(line));
    expect(lines).toEqual(expect.arrayContaining([expect.objectContaining({ route: '/v1/stoppages/:stoppageId', res: { statusCode: 400 } })]));
    expect(ledger.output()).not.toContain(NIR);
    expect(ledger.output()).not.toContain(CLERK);
    expect(ledger.output()).not.toContain('/v1/lookup');
    expect(ledger.output()).toContain('listening on http://127.0.0.1:');
  }, 60_000);
});
