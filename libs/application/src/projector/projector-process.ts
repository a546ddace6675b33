import { setTimeout as sleep } from 'node:timers/promises';
import pino, { type Logger } from 'pino';
import { PostgresProjectorLease, Projector, SubscriptionProjector } from '@ij/projections';
import type { LedgerConfig } from '../config/ledger-config';
import { openStorage, type LedgerStorage } from '../infrastructure/storage';

/** How often a standby projector tries to take the lock (the issue: every second). */
export const STANDBY_RETRY_MS = 1_000;

export interface ProjectorProcessOptions {
  /** How often the active projector polls the PostgreSQL log (LEDGER_PROJECTOR_POLL_MS, default 50). */
  pollIntervalMs?: number;
  batchSize?: number;
  logger?: Logger;
}

interface RunningProjector {
  stop(): Promise<void>;
}

/**
 * `ledger projector`: one of several projector processes for a PostgreSQL schema. It waits in standby until
 * it holds the schema's advisory lock, then catches up from the stored checkpoint and follows the log
 * (postgres: polling the events table in batches; esdb: a catch-up subscription to $all) until the signal
 * aborts or the lock is lost. Transitions are logged as JSON lines: `"state":"standby"|"active"`.
 */
export async function runProjectorProcess(config: LedgerConfig, signal: AbortSignal, options: ProjectorProcessOptions = {}): Promise<void> {
  if (config.eventStore === 'sqlite' || !config.databaseUrl) {
    throw new Error('ledger projector runs against PostgreSQL (LEDGER_EVENT_STORE=postgres or esdb); the embedded store projects inside the API (LEDGER_ROLE=all)');
  }
  const logger = options.logger ?? pino({ level: config.logLevel, base: { pid: process.pid, component: 'projector' } });
  const storage = await openStorage(config);
  const lease = new PostgresProjectorLease(config.databaseUrl, config.postgresSchema);
  try {
    while (!signal.aborted) {
      logger.info({ state: 'standby', schema: config.postgresSchema }, 'projector standby: another process holds the lock');
      if (!(await acquire(lease, signal, logger))) break;
      logger.info({ state: 'active', checkpoint: String(await storage.readModels.checkpoint()) }, 'projector active');
      const reason = await followWhileHeld(storage, lease, signal, logger, options);
      if (reason !== 'stopped') logger.warn({ state: 'lost', reason }, 'projector lost its lock: stopped applying');
    }
  } finally {
    await lease.release();
    await storage.close();
    logger.info({ state: 'stopped' }, 'projector stopped');
  }
}

/** Resolves true once the lock is held, false when the signal aborts first. */
async function acquire(lease: PostgresProjectorLease, signal: AbortSignal, logger: Logger): Promise<boolean> {
  while (!signal.aborted) {
    try {
      if (await lease.tryAcquire()) return true;
    } catch (error) {
      logger.warn({ err: error }, 'projector could not reach PostgreSQL to take the lock');
      await lease.release();
    }
    await sleep(STANDBY_RETRY_MS, undefined, { signal }).catch(() => undefined);
  }
  return false;
}

async function followWhileHeld(
  storage: LedgerStorage,
  lease: PostgresProjectorLease,
  signal: AbortSignal,
  logger: Logger,
  options: ProjectorProcessOptions,
): Promise<string> {
  let projector: RunningProjector | undefined;
  const ended = new Promise<string>((resolve) => {
    lease.onLost(resolve);
    signal.addEventListener('abort', () => resolve('stopped'), { once: true });
  });
  const common = { shouldContinue: () => lease.isHeld && !signal.aborted, onError: (error: unknown) => logger.error({ err: error }, 'projection batch failed; retrying') };
  try {
    if (storage.kind === 'esdb') {
      const subscribed = new SubscriptionProjector(storage.events, storage.readModels, { ...common, batchSize: options.batchSize });
      projector = subscribed;
      await Promise.race([subscribed.start(), ended]);
    } else {
      const polling = new Projector(storage.events, storage.readModels, { ...common, batchSize: options.batchSize, pollIntervalMs: options.pollIntervalMs ?? 50 });
      projector = polling;
      await Promise.race([polling.start(), ended]);
    }
    return await ended;
  } catch (error) {
    logger.error({ err: error }, 'projector failed; releasing the lock');
    await sleep(STANDBY_RETRY_MS);
    return `failed: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await projector?.stop();
    if (!signal.aborted) await lease.release();
  }
}
