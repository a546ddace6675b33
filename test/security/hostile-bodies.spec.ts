import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLedgerProcess, type LedgerProcess } from '../support/ledger-process';

/**
 * Issue 21, critical: one unauthenticated 16 KB body nested 8 000 deep overflowed the stack of the recursive
 * key check inside the body parser's callback, and the process exited. Against the real process: every such
 * body is answered 400 problem+json naming the depth, and /health still answers afterwards.
 */
describe('hostile JSON bodies against the real process', () => {
  let dataDirectory: string;
  let ledger: LedgerProcess;

  beforeAll(async () => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'ij-ledger-hostile-'));
    ledger = await startLedgerProcess({
      LEDGER_DATA_DIR: dataDirectory,
      LEDGER_API_KEYS: 'hostile-clerk-key-000001:clerk:clerk-1',
      LEDGER_POLICYHOLDER_SECRET: 'hostile-test-policyholder-secret-0123456789',
      LOG_LEVEL: 'silent',
    });
  }, 60_000);
  afterAll(async () => {
    await ledger?.kill();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  const deepArray = '['.repeat(8000) + ']'.repeat(8000);
  const deepInObject = `{"amountCents":100,"reason":${'['.repeat(5000)}${']'.repeat(5000)}}`;
  const deepObjects = `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`;

  it.each([
    ['8 000 [ then 8 000 ] to an unknown path', '/no/such/path', deepArray],
    ['8 000 [ then 8 000 ] to a real command', '/v1/stoppages/6f1c1d7e-7a43-4c55-9a49-2d0c7e0b1a01/advances', deepArray],
    ['an array 5 000 deep inside an object to an unknown path', '/nowhere', deepInObject],
    ['an array 5 000 deep inside an object to a real command', '/v1/stoppages/6f1c1d7e-7a43-4c55-9a49-2d0c7e0b1a01/advances', deepInObject],
    ['objects 3 000 deep to a real command', '/v1/stoppages', deepObjects],
  ])('answers %s with 400 and keeps serving', async (_label, path, body) => {
    const response = await fetch(`${ledger.baseUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/u);
    const problem = (await response.json()) as { type: string; detail: string };
    expect(problem.type).toMatch(/\/nesting-too-deep$/u);
    expect(problem.detail).toMatch(/nest/u);
    const health = await fetch(`${ledger.baseUrl}/health`);
    expect(health.status).toBe(200);
    expect(ledger.child.exitCode).toBeNull();
  });

  it('still accepts a body nested within the limit (parsed, then refused by authentication)', async () => {
    const body = `{"amountCents":100,"reason":${'['.repeat(10)}${']'.repeat(10)}}`;
    const response = await fetch(`${ledger.baseUrl}/v1/stoppages/6f1c1d7e-7a43-4c55-9a49-2d0c7e0b1a01/advances`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    expect(response.status).toBe(401);
  });
});
