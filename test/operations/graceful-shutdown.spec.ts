import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyChain, type RecordedEvent } from '@ij/event-store';
import { withNirKey } from '@ij/ledger';
import { openStorage, readLedgerConfig } from '@ij/application';
import { startLedgerProcess, type LedgerProcess } from '../support/ledger-process';
import { TEST_DATABASE_URL, temporarySchema } from '../support/postgres';

/**
 * SIGTERM in the middle of a stream of concurrent commands: the process stops accepting, lets the commands in
 * flight answer, commits the read models' checkpoint, closes its stores and exits 0. Then: every acknowledged
 * command is stored exactly once, every other one at most once; re-sent with the same Idempotency-Key on a
 * restarted server, each is stored exactly once.
 */
const KEY = 'shutdown-test-key-0000000001';
const COMMANDS = 80;
const CONCURRENCY = 8;
/** SIGTERM once this many commands were acknowledged, so that others are in flight and others still to send. */
const SIGTERM_AFTER_ACKS = 20;

interface Sent {
  stoppageId: string;
  key: string;
  amountCents: number;
  /** 0: no answer (connection refused or cut). */
  status?: number;
  body?: unknown;
}

async function post(ledger: LedgerProcess, path: string, key: string, body: unknown): Promise<{ status: number; body: unknown; replayed: boolean }> {
  const response = await fetch(`${ledger.baseUrl}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${KEY}`, 'Idempotency-Key': key, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json(), replayed: response.headers.get('idempotent-replayed') === 'true' };
}

describe.each(['sqlite', 'postgres'] as const)('SIGTERM under load on the %s store', (kind) => {
  let dataDirectory: string;
  let schema: Awaited<ReturnType<typeof temporarySchema>> | undefined;
  let environment: Record<string, string>;
  let ledger: LedgerProcess | undefined;

  beforeAll(async () => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'ij-ledger-shutdown-'));
    schema = kind === 'postgres' ? await temporarySchema('ij_shutdown') : undefined;
    environment = {
      LEDGER_DATA_DIR: dataDirectory,
      LEDGER_API_KEYS: `${KEY}:clerk+supervisor+auditor:shutdown-clerk`,
      LEDGER_POLICYHOLDER_SECRET: 'shutdown-test-policyholder-secret-0001',
      LOG_LEVEL: 'warn',
      ...(schema ? { LEDGER_EVENT_STORE: 'postgres', DATABASE_URL: TEST_DATABASE_URL, LEDGER_PG_SCHEMA: schema.schema } : {}),
    };
  });
  afterAll(async () => {
    await ledger?.kill('SIGKILL');
    await schema?.drop();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('answers what is in flight, exits 0, and loses or doubles nothing', async () => {
    ledger = await startLedgerProcess(environment);
    const stoppageIds = Array.from({ length: 4 }, () => randomUUID());
    const policyholders = new Set<string>();
    for (const [index, stoppageId] of stoppageIds.entries()) {
      const nir = withNirKey(`28505780${kind === 'sqlite' ? 1 : 2}${String(index).padStart(4, '0')}`);
      const opened = await post(ledger, '/v1/stoppages', `open-${stoppageId}`, { stoppageId, nir, kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' });
      expect(opened.status).toBe(201);
      policyholders.add((opened.body as { policyholderId: string }).policyholderId);
    }

    const commands: Sent[] = Array.from({ length: COMMANDS }, (_, index) => ({ stoppageId: stoppageIds[index % stoppageIds.length], key: `adv-${kind}-${index}`, amountCents: 100 + index }));
    let acknowledged = 0;
    let inFlightAtSigterm = 0;
    let inFlight = 0;
    let terminated: Promise<void> | undefined;
    const running = ledger;
    const queue = [...commands];
    const worker = async () => {
      for (let command = queue.shift(); command; command = queue.shift()) {
        inFlight++;
        try {
          const answer = await post(running, `/v1/stoppages/${command.stoppageId}/advances`, command.key, { amountCents: command.amountCents, reason: 'shutdown' });
          command.status = answer.status;
          command.body = answer.body;
          if (answer.status === 201 && ++acknowledged === SIGTERM_AFTER_ACKS) {
            inFlightAtSigterm = inFlight - 1;
            terminated = running.kill('SIGTERM');
          }
        } catch {
          command.status = 0; // refused or cut: not acknowledged
        } finally {
          inFlight--;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await terminated;

    // exited by itself, with 0, not killed by the signal
    expect({ exitCode: running.child.exitCode, signal: running.child.signalCode }).toEqual({ exitCode: 0, signal: null });
    expect(running.output()).toMatch(/every request in flight answered/u);
    // every command got an answer it could act on: 201, 503 shutting-down, or no connection; never a 500
    for (const command of commands) expect([0, 201, 503]).toContain(command.status);
    for (const command of commands.filter(({ status }) => status === 503)) expect((command.body as { type: string }).type).toMatch(/\/shutting-down$/u);
    const acked = commands.filter(({ status }) => status === 201);
    expect(acked.length).toBeGreaterThanOrEqual(SIGTERM_AFTER_ACKS);
    if (process.env.SHUTDOWN_VERBOSE) console.log({ kind, acknowledged: acked.length, inFlightAtSigterm, refused: COMMANDS - acked.length });

    // the stopped ledger's store, read directly: acknowledged once, the others at most once, read models checkpointed at the head
    const storage = await openStorage(readLedgerConfig(environment));
    try {
      const events = await storage.events.readAll();
      const advancesByKey = countAdvances(events);
      for (const command of commands) {
        const stored = advancesByKey.get(command.key) ?? 0;
        if (command.status === 201) expect({ key: command.key, stored }).toEqual({ key: command.key, stored: 1 });
        else expect({ key: command.key, stored: Math.min(stored, 1) }).toEqual({ key: command.key, stored });
      }
      expect(await storage.readModels.checkpoint()).toBe(await storage.events.headPosition());
    } finally {
      await storage.close();
    }

    // restarted: every command re-sent with its key is stored exactly once
    ledger = await startLedgerProcess(environment);
    for (const command of commands) {
      const again = await post(ledger, `/v1/stoppages/${command.stoppageId}/advances`, command.key, { amountCents: command.amountCents, reason: 'shutdown' });
      expect(again.status).toBe(201);
      if (command.status === 201) expect({ replayed: again.replayed, body: again.body }).toEqual({ replayed: true, body: command.body });
    }
    let historyAdvances = 0;
    for (const policyholderId of policyholders) {
      const response = await fetch(`${ledger.baseUrl}/v1/policyholders/${policyholderId}/history`, { headers: { Authorization: `Bearer ${KEY}` } });
      expect(response.status).toBe(200);
      const history = (await response.json()) as { events: Array<{ type: string }> } | Array<{ type: string }>;
      const list = Array.isArray(history) ? history : history.events;
      historyAdvances += list.filter((event) => event.type === 'AdvanceIssued').length;
    }
    expect(historyAdvances).toBe(COMMANDS);
    await ledger.kill('SIGTERM');
    expect(ledger.child.exitCode).toBe(0);

    const after = await openStorage(readLedgerConfig(environment));
    try {
      const events = await after.events.readAll();
      const advancesByKey = countAdvances(events);
      expect(commands.filter((command) => advancesByKey.get(command.key) !== 1)).toEqual([]);
      const byStream = new Map<string, RecordedEvent[]>();
      for (const event of events) byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event]);
      for (const stream of byStream.values()) expect(verifyChain(stream)).toEqual({ ok: true });
    } finally {
      await after.close();
    }
  }, 90_000);
});

function countAdvances(events: RecordedEvent[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const event of events.filter(({ type }) => type === 'AdvanceIssued')) {
    const key = String(event.metadata.idempotencyKey);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
