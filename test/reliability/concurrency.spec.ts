import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { foldEvents, policyholderStream, upcast, withNirKey, type PolicyholderEvent } from '@ij/ledger';
import { PostgresEventStore, type EventStore } from '@ij/event-store';
import { startLedgerProcess, type LedgerProcess } from '../support/ledger-process';
import { TEST_DATABASE_URL, temporarySchema } from '../support/postgres';

/**
 * 100 concurrent commands of mixed kinds on ONE policyholder, from two API processes sharing PostgreSQL:
 * none is lost, each acknowledged command is in the log exactly once, the log is one serial history
 * (contiguous revisions, a valid fold), and what it records matches the answers given.
 */
const KEY = 'concurrency-test-key-000000001';

interface Answer {
  kind: 'advance' | 'extension' | 'regularization';
  key: string;
  status: number;
  body: Record<string, unknown>;
}

describe('100 concurrent commands on one policyholder from two API processes on PostgreSQL', () => {
  let schema: Awaited<ReturnType<typeof temporarySchema>>;
  let dataDirectory: string;
  let processes: LedgerProcess[] = [];

  beforeAll(async () => {
    schema = await temporarySchema('ij_concurrency');
    dataDirectory = mkdtempSync(join(tmpdir(), 'ij-ledger-concurrency-'));
    const environment = {
      LEDGER_EVENT_STORE: 'postgres',
      DATABASE_URL: TEST_DATABASE_URL,
      LEDGER_PG_SCHEMA: schema.schema,
      LEDGER_DATA_DIR: dataDirectory,
      LEDGER_API_KEYS: `${KEY}:clerk:clerk-1`,
      LEDGER_POLICYHOLDER_SECRET: 'concurrency-secret-0123456789abcdef0123',
      LOG_LEVEL: 'warn',
    };
    processes = [await startLedgerProcess(environment)];
    processes.push(await startLedgerProcess(environment));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(processes.map((ledger) => ledger.kill('SIGKILL')));
    await schema?.drop();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  async function post(ledger: LedgerProcess, path: string, key: string, body: unknown) {
    const response = await fetch(`${ledger.baseUrl}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${KEY}`, 'Idempotency-Key': key, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('loses none and records one serial history', async () => {
    const stoppageId = randomUUID();
    const opened = await post(processes[0], '/v1/stoppages', `open-${stoppageId}`, {
      stoppageId, nir: withNirKey('1850578000001'), kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29',
    });
    expect(opened.status).toBe(201);
    const policyholderId = String(opened.body.policyholderId);
    const salaries = ['2025-03', '2025-04', '2025-05'].map((month) => ({ month, grossCents: 200_000 }));
    expect((await post(processes[1], `/v1/stoppages/${stoppageId}/salary-certificate`, `cert-${stoppageId}`, { salaries })).status).toBe(200);

    const answers: Answer[] = await Promise.all(
      Array.from({ length: 100 }, async (_, index): Promise<Answer> => {
        const ledger = processes[index % 2];
        const key = `mixed-${stoppageId}-${index}`;
        if (index % 5 === 3) {
          const answer = await post(ledger, `/v1/stoppages/${stoppageId}/extensions`, key, { newEndDate: `2025-07-${String(1 + (index % 28)).padStart(2, '0')}` });
          return { kind: 'extension', key, ...answer };
        }
        if (index % 5 === 4) {
          const answer = await post(ledger, `/v1/stoppages/${stoppageId}/regularizations`, key, { through: '2025-06-20' });
          return { kind: 'regularization', key, ...answer };
        }
        const answer = await post(ledger, `/v1/stoppages/${stoppageId}/advances`, key, { amountCents: 100 + index, reason: `advance ${index}` });
        return { kind: 'advance', key, ...answer };
      }),
    );

    // Advances and regularizations are always allowed here; an extension may come after a later one (409).
    for (const answer of answers) {
      if (answer.kind === 'extension') expect([200, 409]).toContain(answer.status);
      else expect(answer.status).toBe(201);
    }

    const pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
    const store: EventStore = await PostgresEventStore.open({ connection: pool, schema: schema.schema });
    try {
      const events = await store.readStream(policyholderStream(policyholderId));
      expect(events.map((event) => event.revision)).toEqual(events.map((_, index) => index));
      const domainEvents = events.map((event) => upcast(event.type, event.metadata.schemaVersion, event.data) as PolicyholderEvent);
      const state = foldEvents(domainEvents);
      const stoppage = state.stoppages.get(stoppageId)!;

      const acknowledged = (kind: Answer['kind']) => answers.filter((answer) => answer.kind === kind && answer.status < 300);
      const keysOf = (type: string) => events.filter((event) => event.type === type).map((event) => String(event.metadata.idempotencyKey)).sort();
      expect(keysOf('AdvanceIssued')).toEqual(acknowledged('advance').map((answer) => answer.key).sort());
      expect(keysOf('StoppageRegularized')).toEqual(acknowledged('regularization').map((answer) => answer.key).sort());
      expect(keysOf('StoppageExtended')).toEqual(acknowledged('extension').map((answer) => answer.key).sort());

      // The fold agrees with the answers: every advance amount, and the last accepted extension's end date.
      const advanced = acknowledged('advance').reduce((total, answer) => total + Number(answer.key.split('-').at(-1)) + 100, 0);
      expect(stoppage.advances.reduce((total, advance) => total + advance.amountCents, 0)).toBe(advanced);
      const extensionEnds = events.filter((event) => event.type === 'StoppageExtended').map((event) => (event.data as { newEndDate: string }).newEndDate);
      expect(extensionEnds).toEqual([...extensionEnds].sort());
      expect(stoppage.endDate).toBe(extensionEnds.at(-1) ?? '2025-06-29');
    } finally {
      await store.close();
      await pool.end();
    }
  }, 120_000);
});
