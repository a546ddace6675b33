import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { deterministicEventId, type EventStore } from '@ij/event-store';
import type { ReadModelStore } from '@ij/projections';
import { ProblemException } from '../http/problem';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { LedgerCommandRunner } from '../infrastructure/ledger-command-runner';
import { PolicyholderLedger } from '../infrastructure/policyholder-ledger';
import { EVENT_STORE } from '../infrastructure/tokens';
import { READ_MODELS } from '../queries/read-side';
import { REPLAY_STORAGE } from '../replay/replay-runner';
import type { ReplayStorage } from '../replay/replay-storage';
import { PAYMENT_RUN_ACTOR, runPayments, type PaymentRunResult } from './run-payments';

export type PaymentRunStatus = 'running' | 'done' | 'failed' | 'interrupted';

export interface PaymentRunRecord extends Partial<PaymentRunResult> {
  runId: string;
  through: string;
  status: PaymentRunStatus;
  requestedBy: string;
  startedAt: string;
  completedAt?: string;
  reason?: string;
}

/** The run id derives from `through` alone: starting the same run again names the same run (and pays nobody twice). */
export function paymentRunIdOf(through: string): string {
  return deterministicEventId('payment-run', through, 0);
}

export function paymentRunStream(runId: string): string {
  return `payment-run-${runId}`;
}

/**
 * Runs payment runs in the background of the API process (as replays do). A run is recorded in its own
 * stream of the event store: PaymentRunStarted when it starts, PaymentRunCompleted with its result (the
 * payments of the bank file) when it ends, so GET answers after a restart and from any process. A run
 * started but never completed (the process died) is `interrupted`: POST it again to resume it.
 */
@Injectable()
export class PaymentRunRunner implements OnApplicationShutdown {
  private readonly logger = new Logger('PaymentRun');
  private readonly running = new Map<string, { record: PaymentRunRecord; done: Promise<void> }>();
  /** Payments put in the bank files of the runs completed by this process since it started (metrics). */
  paymentsInstructed = 0;

  constructor(
    private readonly ledger: PolicyholderLedger,
    private readonly commands: LedgerCommandRunner,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModelStore,
    @Inject(REPLAY_STORAGE) private readonly replayStorage: ReplayStorage,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async start(through: string, requestedBy: string, onProgress?: (record: PaymentRunRecord) => void): Promise<string> {
    const today = this.clock.today();
    if (through > today) {
      throw new ProblemException(409, 'payment-run-in-future', 'Payment run through a future date', `A payment run settles through ${through}, after today ${today}; a regularization cannot settle the future.`);
    }
    const runId = paymentRunIdOf(through);
    if (this.running.has(runId)) return runId;
    const stored = await this.stored(runId);
    if (stored?.status === 'done') return runId;
    const startedAt = stored?.startedAt ?? this.clock.now();
    await this.record(runId, 'started', 'PaymentRunStarted', { runId, through, requestedBy, startedAt });
    const record: PaymentRunRecord = { runId, through, status: 'running', requestedBy: stored?.requestedBy ?? requestedBy, startedAt, processed: 0, total: 0 };
    const done = this.run(record, onProgress).finally(() => this.running.delete(runId));
    this.running.set(runId, { record, done });
    return runId;
  }

  async get(runId: string): Promise<PaymentRunRecord> {
    const record = this.running.get(runId)?.record ?? (await this.stored(runId));
    if (!record) throw new ProblemException(404, 'payment-run-not-found', 'Payment run not found', `No payment run is known under ${runId}.`);
    return record;
  }

  /** The run once it has ended (at once if it is not running in this process). */
  async finished(runId: string): Promise<PaymentRunRecord> {
    await this.running.get(runId)?.done;
    return this.get(runId);
  }

  /** The runs in progress in this process (metrics). */
  activeRuns(): PaymentRunRecord[] {
    return [...this.running.values()].map(({ record }) => record);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.running.values()].map(({ done }) => done.catch(() => undefined)));
  }

  private async run(record: PaymentRunRecord, onProgress?: (record: PaymentRunRecord) => void): Promise<void> {
    try {
      await new Promise((resolve) => setImmediate(resolve));
      const rules = await this.ledger.activeRules();
      const total = await this.replayStorage.source.count();
      const result = await runPayments(this.ledger, this.readModels, { runId: record.runId, through: record.through, total }, rules, (progress) => onProgress?.(Object.assign(record, progress)));
      const completedAt = this.clock.now();
      await this.record(record.runId, 'completed', 'PaymentRunCompleted', { ...result, runId: record.runId, through: record.through, rulesVersion: rules.version, completedAt });
      Object.assign(record, result, { status: 'done', completedAt });
      this.paymentsInstructed += result.paidCount;
      this.logger.log(`Payment run ${record.runId} through ${record.through}: ${result.paidCount} payments, ${result.skipped.length} skipped`);
    } catch (error) {
      record.status = 'failed';
      record.reason = error instanceof Error ? error.message : String(error);
      this.logger.error(`Payment run ${record.runId} failed: ${record.reason}`);
    }
  }

  /** Appends the run's event once: a repeat finds it by its id. */
  private async record(runId: string, step: string, type: string, data: Record<string, unknown>): Promise<void> {
    const context = { actor: PAYMENT_RUN_ACTOR, idempotencyKey: `payment-run:${runId}:${step}`, requestHash: `payment-run:${runId}:${step}`, correlationId: `payment-run-${runId}`, causationId: `payment-run-${runId}-${step}` };
    await this.commands.run(paymentRunStream(runId), context, (history) => (history.some((event) => event.type === type) ? [] : [{ type, schemaVersion: 1, data }]));
  }

  private async stored(runId: string): Promise<PaymentRunRecord | undefined> {
    const history = await this.events.readStream(paymentRunStream(runId));
    const started = history.find((event) => event.type === 'PaymentRunStarted')?.data as { through: string; requestedBy: string; startedAt: string } | undefined;
    if (!started) return undefined;
    const completed = history.find((event) => event.type === 'PaymentRunCompleted')?.data as (PaymentRunResult & { completedAt: string }) | undefined;
    const base = { runId, through: started.through, requestedBy: started.requestedBy, startedAt: started.startedAt };
    return completed ? { ...base, ...completed, status: 'done' } : { ...base, status: 'interrupted' };
  }
}
