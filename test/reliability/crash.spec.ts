import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SqliteEventStore, verifyChain, type RecordedEvent } from '@ij/event-store';
import { SqliteReadModelStore } from '@ij/projections';
import { withNirKey } from '@ij/ledger';
import { startLedgerProcess, type LedgerProcess } from '../support/ledger-process';

/**
 * kill -9 at a random instant during a burst of concurrent commands, then restart on the same data directory:
 * every acknowledged command is in the log, re-sending every command with its key answers 2xx (or its first
 * refusal) without recording anything twice, and every stream's hash chain holds. CI runs
 * CRASH_ITERATIONS (5); `npm run soak` runs 100 and records the figures.
 */
const ITERATIONS = Number(process.env.CRASH_ITERATIONS ?? 5);
const CLERK_KEY = 'crash-test-clerk-key-000001';
const ENVIRONMENT = {
  LEDGER_API_KEYS: `${CLERK_KEY}:clerk+supervisor+auditor:crash-clerk`,
  LEDGER_POLICYHOLDER_SECRET: 'crash-test-secret-0123456789abcdef0123',
  LOG_LEVEL: 'warn',
};

interface SentCommand {
  path: string;
  body: unknown;
  key: string;
  status?: number;
  responseBody?: unknown;
}

export interface CrashFigures {
  iterations: number;
  acknowledged: number;
  sent: number;
  lost: number;
  doublePayments: number;
}

async function post(ledger: LedgerProcess, command: SentCommand): Promise<{ status: number; body: unknown; replayed: boolean }> {
  const response = await fetch(`${ledger.baseUrl}${command.path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${CLERK_KEY}`, 'Idempotency-Key': command.key, 'Content-Type': 'application/json' },
    body: JSON.stringify(command.body),
  });
  return { status: response.status, body: await response.json(), replayed: response.headers.get('idempotent-replayed') === 'true' };
}

/** A deterministic pseudo-random sequence, so a failing iteration can be reproduced from its number. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export async function crashIteration(iteration: number): Promise<Omit<CrashFigures, 'iterations'>> {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'ij-ledger-crash-'));
  const next = random(iteration + 1);
  let ledger = await startLedgerProcess({ ...ENVIRONMENT, LEDGER_DATA_DIR: dataDirectory });
  try {
    const stoppageIds = Array.from({ length: 4 }, () => randomUUID());
    for (const [index, stoppageId] of stoppageIds.entries()) {
      const nir = withNirKey(`2850578${String(iteration).padStart(3, '0')}${String(index).padStart(3, '0')}`);
      const opened = await post(ledger, { path: '/v1/stoppages', key: `open-${stoppageId}`, body: { stoppageId, nir, kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' } });
      expect(opened.status).toBe(201);
      const salaries = ['2025-03', '2025-04', '2025-05'].map((month) => ({ month, grossCents: 200_000 }));
      expect((await post(ledger, { path: `/v1/stoppages/${stoppageId}/salary-certificate`, key: `cert-${stoppageId}`, body: { salaries } })).status).toBe(200);
    }

    const commands: SentCommand[] = Array.from({ length: 60 }, (_, index) => {
      const stoppageId = stoppageIds[index % stoppageIds.length];
      const choice = next();
      if (choice < 0.6) return { path: `/v1/stoppages/${stoppageId}/advances`, key: `adv-${iteration}-${index}`, body: { amountCents: 100 + index, reason: `burst ${index}` } };
      if (choice < 0.8) return { path: `/v1/stoppages/${stoppageId}/regularizations`, key: `reg-${iteration}-${index}`, body: { through: '2025-06-20' } };
      return { path: `/v1/stoppages/${stoppageId}/extensions`, key: `ext-${iteration}-${index}`, body: { newEndDate: `2025-07-${String(10 + index % 20).padStart(2, '0')}` } };
    });

    const killAfterMs = 10 + Math.floor(next() * 400);
    const burst = commands.map(async (command) => {
      try {
        const answer = await post(ledger, command);
        command.status = answer.status;
        command.responseBody = answer.body;
      } catch {
        // the process died before answering: not acknowledged
      }
    });
    await sleep(killAfterMs);
    await ledger.kill('SIGKILL');
    await Promise.all(burst);

    ledger = await startLedgerProcess({ ...ENVIRONMENT, LEDGER_DATA_DIR: dataDirectory });
    for (const command of commands) {
      const again = await post(ledger, command);
      if (command.status !== undefined) {
        // An acknowledged command was executed: its repeat is the same answer, replayed.
        expect({ status: again.status, body: again.body }).toEqual({ status: command.status, body: command.responseBody });
      } else {
        expect(again.status === 409 || (again.status >= 200 && again.status < 300)).toBe(true);
      }
    }
    const audit = await fetch(`${ledger.baseUrl}/v1/audit/verify`, { headers: { Authorization: `Bearer ${CLERK_KEY}` } });
    const report = (await audit.json()) as { ok: boolean; failures: unknown[] };
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    await ledger.kill('SIGTERM');

    const store = await SqliteEventStore.open({ connection: join(dataDirectory, 'ledger.sqlite') });
    try {
      const events: RecordedEvent[] = await store.readAll({ limit: 1_000_000 });
      const byStream = new Map<string, RecordedEvent[]>();
      for (const event of events) byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event]);
      for (const stream of byStream.values()) expect(verifyChain(stream)).toEqual({ ok: true });

      const keysRecorded = events.map((event) => `${event.streamId}|${String(event.metadata.idempotencyKey)}|${event.type}`);
      const advanceKeys = events.filter((event) => event.type === 'AdvanceIssued').map((event) => String(event.metadata.idempotencyKey));
      const doublePayments = advanceKeys.length - new Set(advanceKeys).size;
      const acknowledged = commands.filter((command) => command.status !== undefined && command.status < 300);
      const lost = acknowledged.filter((command) => !keysRecorded.some((recorded) => recorded.includes(`|${command.key}|`))).length;
      expect(doublePayments).toBe(0);
      expect(lost).toBe(0);
      // After the re-sends every advance was executed exactly once.
      expect(new Set(advanceKeys)).toEqual(new Set(commands.filter((command) => command.key.startsWith('adv-')).map((command) => command.key)));

      // The read models the process kept up to date equal the ones rebuilt from the log, row for row.
      const readModels = new SqliteReadModelStore(store.database);
      const live = await readModels.dump();
      await readModels.rebuild();
      expect(await readModels.dump()).toEqual(live);
      return { acknowledged: acknowledged.length, sent: commands.length, lost, doublePayments };
    } finally {
      await store.close();
    }
  } finally {
    await ledger.kill('SIGKILL');
    rmSync(dataDirectory, { recursive: true, force: true });
  }
}

describe('crashing the API with kill -9 during a burst of commands', () => {
  it.each(Array.from({ length: ITERATIONS }, (_, index) => index))('loses no acknowledged command and pays nothing twice (iteration %i)', async (iteration) => {
    const figures = await crashIteration(iteration);
    if (process.env.CRASH_VERBOSE) console.log(JSON.stringify(figures));
    if (process.env.SOAK_FIGURES_FILE) appendFileSync(process.env.SOAK_FIGURES_FILE, `${JSON.stringify({ test: 'crash', iteration, ...figures })}\n`);
    expect(figures.lost).toBe(0);
    expect(figures.doublePayments).toBe(0);
  }, 60_000);
});
