import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { withNirKey } from '@ij/ledger';
import { createLedgerApp, type LedgerApp } from '../../apps/ledger-api/src/bootstrap';
import { type Clock, type EventStoreKind, readLedgerConfig } from '@ij/application';
import { TEST_DATABASE_URL, temporarySchema } from './postgres';

/** Fixed keys of the test deployment, one per role and one with every role. */
export const TEST_KEYS = {
  clerk: 'test-clerk-key-0000000001',
  supervisor: 'test-supervisor-key-00001',
  auditor: 'test-auditor-key-00000001',
  admin: 'test-admin-key-0000000001',
} as const;

export type TestRole = keyof typeof TEST_KEYS;

const KEYS_SPECIFICATION = [
  `${TEST_KEYS.clerk}:clerk:clerk-1`,
  `${TEST_KEYS.supervisor}:supervisor:supervisor-1`,
  `${TEST_KEYS.auditor}:auditor:auditor-1`,
  `${TEST_KEYS.admin}:clerk+supervisor+auditor:admin-1`,
].join(',');

/** The business date of the test deployment. */
export const TEST_TODAY = '2025-12-01';

export interface TestLedger {
  ledger: LedgerApp;
  http: ReturnType<typeof request>;
  dataDirectory: string;
  /** POST a command as `role` with an idempotency key (a fresh one unless given). */
  command(role: TestRole, path: string, body: unknown, idempotencyKey?: string): request.Test;
  get(role: TestRole, path: string): request.Test;
  /** Moves the business date of the deployment (the clock is stopped at a date, as fixedClock's). */
  setToday(date: string): void;
  close(): Promise<void>;
}

let keyCounter = 0;

/** `environment`: more settings of the deployment (LEDGER_ROLE, LEDGER_READY_MAX_LAG_EVENTS…). */
export async function startTestLedger(kind: EventStoreKind = 'sqlite', today = TEST_TODAY, rateLimitPerMinute = 1_000_000, environment: Record<string, string> = {}): Promise<TestLedger> {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'ij-ledger-test-'));
  const schema = kind === 'sqlite' ? undefined : await temporarySchema('ij_e2e');
  const config = readLedgerConfig({
    LEDGER_DATA_DIR: dataDirectory,
    LEDGER_EVENT_STORE: kind,
    LEDGER_API_KEYS: KEYS_SPECIFICATION,
    LEDGER_POLICYHOLDER_SECRET: 'test-policyholder-secret-0123456789abcdef0123',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    LEDGER_RATE_LIMIT_PER_MINUTE: String(rateLimitPerMinute),
    LEDGER_AUTH_FAILURES_PER_MINUTE: String(Math.max(rateLimitPerMinute, 1_000)),
    ...(schema ? { DATABASE_URL: TEST_DATABASE_URL, LEDGER_PG_SCHEMA: schema.schema } : {}),
    ...(kind === 'esdb' ? { EVENTSTORE_CONNECTION_STRING: process.env.EVENTSTORE_CONNECTION_STRING } : {}),
    ...environment,
  });
  let current = today;
  const clock: Clock = { now: () => `${current}T12:00:00.000Z`, today: () => current };
  const ledger = await createLedgerApp(config, { clock });
  await ledger.app.init();
  const server = ledger.app.getHttpServer();
  const http = request(server);
  return {
    ledger,
    http,
    dataDirectory,
    command: (role, path, body, idempotencyKey) =>
      request(server)
        .post(path)
        .set('Authorization', `Bearer ${TEST_KEYS[role]}`)
        .set('Idempotency-Key', idempotencyKey ?? `test-key-${process.pid}-${++keyCounter}`)
        .send(body as object),
    get: (role, path) => request(server).get(path).set('Authorization', `Bearer ${TEST_KEYS[role]}`),
    setToday: (date) => {
      current = date;
    },
    close: async () => {
      await ledger.close();
      await schema?.drop();
      rmSync(dataDirectory, { recursive: true, force: true });
    },
  };
}

/** A valid NIR built from a serial number (men born in May 1985 in département 78). */
export function testNir(serial: number): string {
  return withNirKey(`18505780${String(serial).padStart(5, '0')}`);
}

/**
 * Background work (a replay, a payment run) answers 202 and runs on: polls GET `path` as `role` until its
 * status is no longer `running`, and returns that answer.
 */
export async function untilFinished(ledger: TestLedger, role: TestRole, path: string, attempts = 400): Promise<request.Response> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const response = await ledger.get(role, path);
    if (response.body.status !== 'running') return response;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${path} did not finish`);
}
