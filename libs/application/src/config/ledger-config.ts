import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { InvalidPaymentSchedule, parsePaymentSchedule, type PaymentSchedule } from '@ij/projections';

export type EventStoreKind = 'sqlite' | 'postgres' | 'esdb';
export type ProcessRole = 'all' | 'api';

/** The configuration of api.md, read once from the environment. */
export interface LedgerConfig {
  port: number;
  /** The address the HTTP server listens on (LEDGER_BIND_ADDRESS): loopback unless told otherwise. */
  bindAddress: string;
  dataDirectory: string;
  eventStore: EventStoreKind;
  databaseUrl?: string;
  eventStoreConnectionString?: string;
  apiKeys?: string;
  role: ProcessRole;
  /** PostgreSQL schema holding the ledger's tables (postgres, esdb). */
  postgresSchema: string;
  /** Secret of the policyholderId HMAC; processes sharing a database must share it. */
  policyholderSecret?: string;
  /** pino level: trace, debug, info, warn, error, fatal or silent. */
  logLevel: string;
  /** Requests per minute and API key before 429 (LEDGER_RATE_LIMIT_PER_MINUTE). */
  rateLimitPerMinute: number;
  /** Failed authentications per minute and client address before every request from it gets 429 (LEDGER_AUTH_FAILURES_PER_MINUTE). */
  authFailuresPerMinute: number;
  /** How long a query with Ledger-Min-Position waits for the read models before 503 (LEDGER_MIN_POSITION_WAIT_MS). */
  minPositionWaitMs: number;
  /** GET /health/ready answers 503 when the read models are more events than this behind the log (LEDGER_READY_MAX_LAG_EVENTS). */
  readyMaxLagEvents: number;
  /** At most how often /metrics recounts the transfers by status, in ms: a count reads every policyholder's read model (LEDGER_METRICS_TRANSFERS_RECOUNT_MS). */
  metricsTransfersRecountMs: number;
  /** On SIGTERM, how long in-flight requests may take to finish before their connections are cut (LEDGER_SHUTDOWN_GRACE_MS). */
  shutdownGraceMs: number;
  /** The days of the month payment runs are planned (LEDGER_PAYMENT_RUN_DAYS, e.g. "5,20"): what the status calls the next payment. */
  paymentSchedule: PaymentSchedule;
  /**
   * How long a lease on background work (a replay, a payment run) lasts without being renewed, in ms; its holder
   * renews it every third of that (LEDGER_WORK_LEASE_MS). Work whose process died is known abandoned after it.
   */
  workLeaseMs: number;
}

export class InvalidConfiguration extends Error {}

/** Shortest LEDGER_POLICYHOLDER_SECRET accepted: 32 characters (the generated secret is 32 random bytes). */
export const MIN_POLICYHOLDER_SECRET_LENGTH = 32;

/** Loopback by default: exposing the API is a decision (the container image sets 0.0.0.0). */
export const DEFAULT_BIND_ADDRESS = '127.0.0.1';

/** LEDGER_WORK_LEASE_MS bounds: renewed every third, so not under 300 ms; not over a day. */
export const MIN_WORK_LEASE_MS = 300;
export const MAX_WORK_LEASE_MS = 86_400_000;

export function readLedgerConfig(environment: NodeJS.ProcessEnv = process.env): LedgerConfig {
  const eventStore = (environment.LEDGER_EVENT_STORE ?? 'sqlite') as EventStoreKind;
  if (!['sqlite', 'postgres', 'esdb'].includes(eventStore)) {
    throw new InvalidConfiguration(`LEDGER_EVENT_STORE must be sqlite, postgres or esdb, not "${eventStore}"`);
  }
  const port = Number(environment.PORT ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidConfiguration(`PORT must be a TCP port number, not "${environment.PORT}"`);
  }
  if (eventStore !== 'sqlite' && !environment.DATABASE_URL) {
    throw new InvalidConfiguration(`LEDGER_EVENT_STORE=${eventStore} needs DATABASE_URL (read models live in PostgreSQL)`);
  }
  if (eventStore === 'esdb' && !environment.EVENTSTORE_CONNECTION_STRING) {
    throw new InvalidConfiguration('LEDGER_EVENT_STORE=esdb needs EVENTSTORE_CONNECTION_STRING');
  }
  const secret = environment.LEDGER_POLICYHOLDER_SECRET;
  if (secret !== undefined && secret.length < MIN_POLICYHOLDER_SECRET_LENGTH) {
    throw new InvalidConfiguration(
      `LEDGER_POLICYHOLDER_SECRET must be at least ${MIN_POLICYHOLDER_SECRET_LENGTH} characters (it has ${secret.length}): ` +
        'a short secret lets policyholder ids be reversed by hashing every NIR. Leave it unset to use a generated one.',
    );
  }
  const bindAddress = environment.LEDGER_BIND_ADDRESS ?? DEFAULT_BIND_ADDRESS;
  if (!isIP(bindAddress) && bindAddress !== 'localhost') {
    throw new InvalidConfiguration(`LEDGER_BIND_ADDRESS must be an IPv4 or IPv6 address (e.g. 127.0.0.1, 0.0.0.0, ::), not "${bindAddress}"`);
  }
  const role = (environment.LEDGER_ROLE ?? 'all') as ProcessRole;
  if (!['all', 'api'].includes(role)) throw new InvalidConfiguration(`LEDGER_ROLE must be all or api, not "${role}"`);
  return {
    port,
    bindAddress,
    dataDirectory: resolve(environment.LEDGER_DATA_DIR ?? './data'),
    eventStore,
    databaseUrl: environment.DATABASE_URL,
    eventStoreConnectionString: environment.EVENTSTORE_CONNECTION_STRING,
    apiKeys: environment.LEDGER_API_KEYS,
    role,
    postgresSchema: environment.LEDGER_PG_SCHEMA ?? 'ij_ledger',
    policyholderSecret: environment.LEDGER_POLICYHOLDER_SECRET,
    logLevel: environment.LOG_LEVEL ?? 'info',
    rateLimitPerMinute: positiveInteger(environment.LEDGER_RATE_LIMIT_PER_MINUTE ?? '1200', 'LEDGER_RATE_LIMIT_PER_MINUTE'),
    authFailuresPerMinute: positiveInteger(environment.LEDGER_AUTH_FAILURES_PER_MINUTE ?? '30', 'LEDGER_AUTH_FAILURES_PER_MINUTE'),
    minPositionWaitMs: positiveInteger(environment.LEDGER_MIN_POSITION_WAIT_MS ?? '5000', 'LEDGER_MIN_POSITION_WAIT_MS'),
    readyMaxLagEvents: positiveInteger(environment.LEDGER_READY_MAX_LAG_EVENTS ?? '10000', 'LEDGER_READY_MAX_LAG_EVENTS'),
    metricsTransfersRecountMs: positiveInteger(environment.LEDGER_METRICS_TRANSFERS_RECOUNT_MS ?? '60000', 'LEDGER_METRICS_TRANSFERS_RECOUNT_MS'),
    shutdownGraceMs: positiveInteger(environment.LEDGER_SHUTDOWN_GRACE_MS ?? '20000', 'LEDGER_SHUTDOWN_GRACE_MS'),
    paymentSchedule: paymentScheduleOf(environment.LEDGER_PAYMENT_RUN_DAYS),
    workLeaseMs: workLeaseMsOf(environment.LEDGER_WORK_LEASE_MS ?? '30000'),
  };
}

function positiveInteger(value: string, name: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidConfiguration(`${name} must be a positive whole number, not "${value}"`);
  return parsed;
}

function workLeaseMsOf(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < MIN_WORK_LEASE_MS || parsed > MAX_WORK_LEASE_MS) {
    throw new InvalidConfiguration(`LEDGER_WORK_LEASE_MS must be a whole number of milliseconds from ${MIN_WORK_LEASE_MS} to ${MAX_WORK_LEASE_MS}, not "${value}"`);
  }
  return parsed;
}

function paymentScheduleOf(value: string | undefined): PaymentSchedule {
  try {
    return parsePaymentSchedule(value);
  } catch (error) {
    if (error instanceof InvalidPaymentSchedule) throw new InvalidConfiguration(error.message);
    throw error;
  }
}
