import { accessSync, constants } from 'node:fs';
import type { EventStore } from '@ij/event-store';
import type { ReadModelStore } from '@ij/projections';
import { measureProjectionLag } from './projection-lag';

/** How long the store has to answer the probe before the ledger counts it unreachable. */
export const READINESS_TIMEOUT_MS = 2_000;

export type ReadinessVerdict =
  | { status: 'ready'; lagEvents: number }
  | { status: 'unavailable'; reason: 'event-store-unreachable' | 'read-models-lagging'; detail: string };

export interface ReadinessProbeOptions {
  events: EventStore;
  readModels: ReadModelStore;
  /** esdb: the lag is counted by reading (positions are byte offsets). */
  countLagByReading: boolean;
  /** The embedded store's file: removed or unreadable means the store is gone, even while the open handle still answers. */
  sqliteFile?: string;
  maxLagEvents: number;
  timeoutMs?: number;
  onFailure?: (error: unknown) => void;
}

/**
 * GET /health/ready: the store answers (its head and the read models' checkpoint are read, within a timeout)
 * and the read models are no more than LEDGER_READY_MAX_LAG_EVENTS behind. The reason is a stable code and a
 * sentence; the underlying error (which may name hosts) goes to the log only, since the probe needs no key.
 */
export class ReadinessProbe {
  constructor(private readonly options: ReadinessProbeOptions) {}

  async check(): Promise<ReadinessVerdict> {
    const { events, readModels, countLagByReading, sqliteFile, maxLagEvents } = this.options;
    let lagEvents: number;
    try {
      if (sqliteFile) accessSync(sqliteFile, constants.R_OK | constants.W_OK);
      const lag = await withTimeout(measureProjectionLag(events, readModels, countLagByReading), this.options.timeoutMs ?? READINESS_TIMEOUT_MS);
      lagEvents = lag.events;
    } catch (error) {
      this.options.onFailure?.(error);
      return { status: 'unavailable', reason: 'event-store-unreachable', detail: 'The event store or the read models did not answer; commands and queries cannot be served.' };
    }
    if (lagEvents > maxLagEvents) {
      return { status: 'unavailable', reason: 'read-models-lagging', detail: `The read models are ${lagEvents} events behind the log (LEDGER_READY_MAX_LAG_EVENTS=${maxLagEvents}).` };
    }
    return { status: 'ready', lagEvents };
  }
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
