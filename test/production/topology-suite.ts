import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'pg';
import { withNirKey } from '@ij/ledger';
import { PostgresReadModelStore, type ReadModelDump } from '@ij/projections';
import { EsdbEventStore, PostgresEventStore, type EventStore } from '@ij/event-store';
import { startLedgerProcess, type LedgerProcess } from '../support/ledger-process';
import { TEST_DATABASE_URL, temporarySchema } from '../support/postgres';
import { startCli, type CliProcess } from './cli-process';

const KEY = 'production-topology-key-00000001';

export interface Answer {
  key: string;
  stoppageId: string;
  amountCents: number;
  /** 0 when the request got no answer (the process died). */
  status: number;
  position?: bigint;
}

/**
 * The production topology of issue #10, as real processes on one PostgreSQL schema: two API processes
 * (LEDGER_ROLE=api) and two `ledger projector` processes, one active and one standby.
 */
export function productionTopologySuite(kind: 'postgres' | 'esdb', eventStoreConnectionString?: string): void {
  describe(`${kind}: two API processes and two projector processes`, () => {
    let schema: Awaited<ReturnType<typeof temporarySchema>>;
    let dataDirectory: string;
    let environment: Record<string, string>;
    const projectors: CliProcess[] = [];
    let apis: LedgerProcess[] = [];
    let pool: Pool;
    let events: EventStore;
    const stoppages: string[] = [];
    let sequence = 0;

    beforeAll(async () => {
      schema = await temporarySchema(`ij_prod_${kind}`);
      dataDirectory = mkdtempSync(join(tmpdir(), 'ij-ledger-production-'));
      environment = {
        LEDGER_EVENT_STORE: kind,
        DATABASE_URL: TEST_DATABASE_URL,
        ...(eventStoreConnectionString ? { EVENTSTORE_CONNECTION_STRING: eventStoreConnectionString } : {}),
        LEDGER_PG_SCHEMA: schema.schema,
        LEDGER_DATA_DIR: dataDirectory,
        LEDGER_API_KEYS: `${KEY}:clerk+auditor+supervisor:clerk-1`,
        LEDGER_POLICYHOLDER_SECRET: 'production-topology-secret-0123456789abcdef0123',
        LEDGER_RATE_LIMIT_PER_MINUTE: '1000000',
        LEDGER_MIN_POSITION_WAIT_MS: '3000',
        LOG_LEVEL: 'warn',
      };
      pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 4 });
      events = kind === 'postgres' ? await PostgresEventStore.open({ connection: pool, schema: schema.schema }) : await EsdbEventStore.open({ connection: eventStoreConnectionString! });
      // The first projector takes the lock; the second waits in standby.
      projectors.push(startCli(['projector'], { ...environment, LOG_LEVEL: 'info' }));
      await projectors[0].waitForLine((line) => line.state === 'active', 20_000);
      projectors.push(startCli(['projector'], { ...environment, LOG_LEVEL: 'info' }));
      await projectors[1].waitForLine((line) => line.state === 'standby', 20_000);
      apis = await Promise.all([0, 1].map(() => startLedgerProcess({ ...environment, LEDGER_ROLE: 'api' })));
      for (let index = 0; index < 12; index++) {
        const stoppageId = `7a1c1d7e-7a43-4c55-9a49-${String(index).padStart(12, '0')}`;
        const opened = await post(apis[index % 2], '/v1/stoppages', `open-${stoppageId}`, {
          stoppageId, nir: withNirKey(`18505780${String(index + 1).padStart(5, '0')}`), kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29',
        });
        expect(opened.status).toBe(201);
        stoppages.push(stoppageId);
      }
    }, 60_000);

    afterAll(async () => {
      await Promise.all([...apis, ...projectors].map((process) => process.kill('SIGKILL')));
      await events?.close();
      await pool?.end();
      await schema?.drop();
      rmSync(dataDirectory, { recursive: true, force: true });
    });

    async function post(api: LedgerProcess, path: string, key: string, body: unknown) {
      const response = await fetch(`${api.baseUrl}${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${KEY}`, 'Idempotency-Key': key, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const position = response.headers.get('ledger-position');
      return { status: response.status, body: (await response.json()) as Record<string, unknown>, position: position === null ? undefined : BigInt(position) };
    }

    async function get(api: LedgerProcess, path: string, minPosition?: bigint) {
      const separator = path.includes('?') ? '&' : '?';
      const response = await fetch(`${api.baseUrl}${path}${minPosition === undefined ? '' : `${separator}minPosition=${minPosition}`}`, { headers: { Authorization: `Bearer ${KEY}` } });
      return { status: response.status, body: (await response.json()) as Record<string, unknown>, projectionPosition: response.headers.get('ledger-projection-position') };
    }

    /** `count` advances on the shared stoppages, `concurrency` at a time, spread over the given API processes. */
    async function burst(targets: () => LedgerProcess[], count: number, concurrency: number): Promise<Answer[]> {
      const answers: Answer[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < count) {
            const index = next++;
            const number = sequence++;
            const stoppageId = stoppages[number % stoppages.length];
            const key = `advance-${number}`;
            const amountCents = 100 + (number % 50);
            const live = targets();
            try {
              const answer = await post(live[number % live.length], `/v1/stoppages/${stoppageId}/advances`, key, { amountCents, reason: `advance ${index}` });
              answers.push({ key, stoppageId, amountCents, status: answer.status, position: answer.position });
            } catch {
              answers.push({ key, stoppageId, amountCents, status: 0 });
            }
          }
        }),
      );
      return answers;
    }

    const acknowledged = (answers: Answer[]) => answers.filter((answer) => answer.status === 201);
    const highest = (answers: Answer[]) => answers.reduce((max, answer) => (answer.position !== undefined && answer.position > max ? answer.position : max), 0n);

    /** Idempotency keys of the AdvanceIssued events in the log. */
    async function advanceKeysInLog(): Promise<string[]> {
      const keys: string[] = [];
      for (let position = 0n; ; ) {
        const page = await events.readAll({ fromPosition: position, limit: 2_000 });
        if (page.length === 0) return keys;
        for (const event of page) if (event.type === 'AdvanceIssued') keys.push(String(event.metadata.idempotencyKey));
        position = page[page.length - 1].position;
      }
    }

    it('answers every command with its Ledger-Position and serves reads at or after it (?minPosition)', async () => {
      const answers = await burst(() => apis, 200, 24);
      expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 201));
      expect(answers.every((answer) => answer.position !== undefined && answer.position > 0n)).toBe(true);
      const through = highest(answers);
      // Read from the other API process: it sees every advance once the projection reaches the position.
      const views = await Promise.all(stoppages.map((stoppageId) => get(apis[1], `/v1/stoppages/${stoppageId}`, through)));
      for (const [index, view] of views.entries()) {
        expect(view.status).toBe(200);
        expect(BigInt(view.projectionPosition!)).toBeGreaterThanOrEqual(through);
        const expected = answers.filter((answer) => answer.stoppageId === stoppages[index]).reduce((sum, answer) => sum + answer.amountCents, 0);
        expect(view.body.advancesCents).toBe(expected);
      }
      const keys = new Set(await advanceKeysInLog());
      for (const answer of answers) expect(keys.has(answer.key)).toBe(true);
    }, 60_000);

    it('answers 503 projection-lagging when the read models do not reach the position in time', async () => {
      const response = await fetch(`${apis[0].baseUrl}/v1/stoppages/${stoppages[0]}`, {
        headers: { Authorization: `Bearer ${KEY}`, 'Ledger-Min-Position': '900000000000000000' },
        signal: AbortSignal.timeout(20_000),
      });
      expect(response.status).toBe(503);
      expect(((await response.json()) as { type: string }).type).toMatch(/projection-lagging$/u);
    }, 30_000);

    it('hands over to the standby projector when the active one is killed mid-stream: read models equal a rebuild', async () => {
      const active = projectors[0];
      const standby = projectors[1];
      const running = burst(() => apis, 300, 16);
      await sleep(300);
      await active.kill('SIGKILL');
      await standby.waitForLine((line) => line.state === 'active', 10_000);
      const answers = await running;
      expect(acknowledged(answers)).toHaveLength(300);
      const head = await events.headPosition();
      const latest = await get(apis[0], `/v1/stoppages/${stoppages[0]}`, head);
      expect(latest.status).toBe(200);

      const models = await PostgresReadModelStore.open(pool, schema.schema, kind === 'esdb' ? { log: events } : {});
      const incremental = await models.dump();
      expect(incremental.checkpoint).toBe(head);
      await models.rebuild();
      expect(comparable(await models.dump())).toEqual(comparable(incremental));
    }, 60_000);

    it('keeps every acknowledged command when an API process is killed mid-burst', async () => {
      let alive = apis;
      const running = burst(() => alive, 400, 24);
      await sleep(250);
      const [victim, survivor] = apis;
      alive = [survivor];
      await victim.kill('SIGKILL');
      const answers = await running;
      const keys = new Set(await advanceKeysInLog());
      const confirmed = acknowledged(answers);
      expect(confirmed.length).toBeGreaterThan(0);
      for (const answer of confirmed) expect(keys.has(answer.key)).toBe(true);
      // Each key at most once in the log, whatever the answer was.
      const all = await advanceKeysInLog();
      expect(new Set(all).size).toBe(all.length);
      apis = [survivor, await startLedgerProcess({ ...environment, LEDGER_ROLE: 'api' })];
    }, 60_000);
  });
}

/** A rebuild sets each document's last position as the fold does: the dumps compare whole. */
function comparable(dump: ReadModelDump) {
  return { ...dump, checkpoint: String(dump.checkpoint) };
}
