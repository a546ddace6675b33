import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { Projector } from '@ij/projections';
import { startTestLedger, testNir, type TestLedger } from '../support/ledger-harness';
import { TEST_DATABASE_URL } from '../support/postgres';

/**
 * /health stays 200 whatever happens; /health/ready is 200 while the store answers and the read models are
 * within LEDGER_READY_MAX_LAG_EVENTS, else 503 with the reason.
 */
const openStoppage = (ledger: TestLedger, serial: number) =>
  ledger.command('clerk', '/v1/stoppages', { stoppageId: randomUUID(), nir: testNir(serial), kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' }).expect(201);

describe.each(['sqlite', 'postgres'] as const)('readiness on the %s store', (kind) => {
  it('is ready on a healthy store, and 503 event-store-unreachable once the store is gone while /health stays 200', async () => {
    const ledger = await startTestLedger(kind);
    try {
      await openStoppage(ledger, 21_001);
      const ready = await ledger.http.get('/health/ready').expect(200);
      expect(ready.body).toEqual({ status: 'ready', lagEvents: 0 });

      if (kind === 'sqlite') {
        // the file removed behind the ledger's back (the open handle would still answer, on a file no longer there)
        rmSync(join(ledger.dataDirectory, 'ledger.sqlite'));
      } else {
        // the ledger's schema dropped: every query of the store fails
        const pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
        await pool.query(`DROP SCHEMA "${ledger.ledger.storage.schema}" CASCADE`).finally(() => pool.end());
      }
      const unready = await ledger.http.get('/health/ready').expect(503);
      expect(unready.body).toEqual({ status: 'unavailable', reason: 'event-store-unreachable', detail: expect.stringMatching(/did not answer/u) });
      await ledger.http.get('/health').expect(200, { status: 'ok' });
    } finally {
      await ledger.close();
    }
  });

  it('answers 503 read-models-lagging while the read models are more than the bound behind, 200 once projected', async () => {
    // LEDGER_ROLE=api: another process would project, so the commands leave the read models behind
    const ledger = await startTestLedger(kind, undefined, undefined, { LEDGER_ROLE: 'api', LEDGER_READY_MAX_LAG_EVENTS: '3' });
    try {
      await ledger.http.get('/health/ready').expect(200, { status: 'ready', lagEvents: 0 });
      // opening a stoppage appends 2 events (its id's reservation, then the policyholder's StoppageOpened)
      await openStoppage(ledger, 21_002);
      await ledger.http.get('/health/ready').expect(200, { status: 'ready', lagEvents: 2 });
      await openStoppage(ledger, 21_003);
      // 4 events behind, the bound is 3
      const lagging = await ledger.http.get('/health/ready').expect(503);
      expect(lagging.body).toEqual({ status: 'unavailable', reason: 'read-models-lagging', detail: 'The read models are 4 events behind the log (LEDGER_READY_MAX_LAG_EVENTS=3).' });

      const { events, readModels } = ledger.ledger.storage;
      await new Projector(events, readModels).catchUp();
      await ledger.http.get('/health/ready').expect(200, { status: 'ready', lagEvents: 0 });
    } finally {
      await ledger.close();
    }
  });
});

describe('readiness on a closed SQLite connection', () => {
  it('answers 503 event-store-unreachable', async () => {
    const ledger = await startTestLedger('sqlite');
    try {
      ledger.ledger.storage.sqlite!.close();
      const unready = await ledger.http.get('/health/ready').expect(503);
      expect(unready.body.reason).toBe('event-store-unreachable');
    } finally {
      await ledger.close().catch(() => undefined);
    }
  });
});

describe('readiness on a PostgreSQL pool pointed at a closed port', () => {
  it('answers 503 event-store-unreachable', async () => {
    const ledger = await startTestLedger('postgres');
    const { pool } = ledger.ledger.storage;
    try {
      // every new connection now goes to a port nobody listens on; the idle ones are closed
      (pool as unknown as { options: { connectionString: string } }).options.connectionString = 'postgres://postgres@127.0.0.1:1/test';
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          const client = await pool!.connect().catch(() => undefined);
          client?.release(true);
        }),
      );
      const unready = await ledger.http.get('/health/ready').expect(503);
      expect(unready.body.reason).toBe('event-store-unreachable');
      await ledger.http.get('/health').expect(200);
    } finally {
      await ledger.close().catch(() => undefined);
    }
  });
});
