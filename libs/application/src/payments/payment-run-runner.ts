import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { deterministicEventId, type EventStore } from '@ij/event-store';
import {
  completePaymentRun,
  foldPaymentRun,
  PaymentRunInFuture,
  PaymentRunNotFound,
  paymentRunStream,
  startPaymentRun,
  upcast,
  type PaymentRunCompleted,
  type PaymentRunEvent,
  type PaymentRunStatus,
} from '@ij/ledger';
import type { ReadModelStore } from '@ij/projections';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { LedgerCommandRunner } from '../infrastructure/ledger-command-runner';
import { PolicyholderLedger } from '../infrastructure/policyholder-ledger';
import { EVENT_STORE, READ_MODELS, REPLAY_STORAGE } from '../infrastructure/tokens';
import type { ReplayStorage } from '../replay/replay-storage';
import type { HeldLease } from '../infrastructure/work-leases';
import { PAYMENT_RUN_ACTOR, runPayments } from './run-payments';

export type { PaymentRunStatus } from '@ij/ledger';

export interface PaymentRunRecord extends Partial<Omit<PaymentRunCompleted['data'], 'runId' | 'through' | 'completedAt'>> {
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

export { paymentRunStream } from '@ij/ledger';

/** The lease a process holds while it runs the payment run `runId` (in the read models' database). */
export function paymentRunLeaseOf(runId: string): string {
  return `payment-run:${runId}`;
}

/**
 * Runs payment runs in the background of the API process (as replays do). A run is recorded in its own
 * stream: PaymentRunStarted when it starts, PaymentRunCompleted with its figures when it ends (its
 * transfers are on their payees' streams), so GET answers after a restart and from any process. The process
 * running it holds its lease (paymentRunLeaseOf) and renews it: a run started but never completed reads
 * `running` while a live process holds that lease (POST then starts nothing more), and `interrupted` once
 * none does (its process died): POST it again to resume it.
 */
@Injectable()
export class PaymentRunRunner implements OnApplicationShutdown {
  private readonly logger = new Logger('PaymentRun');
  private readonly running = new Map<string, { record: PaymentRunRecord; done: Promise<void> }>();
  /** Runs being started in this process, reserved before any await so that two starts cannot both pass. */
  private readonly starting = new Set<string>();
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
    if (through > today) throw new PaymentRunInFuture(through, today);
    const runId = paymentRunIdOf(through);
    if (this.running.has(runId) || this.starting.has(runId)) return runId;
    this.starting.add(runId);
    try {
      const stored = await this.stored(runId);
      if (stored?.status === 'done') return runId;
      // Running in another process (it holds the lease): that process goes on with it.
      const taken = await this.replayStorage.leases.take(paymentRunLeaseOf(runId), runId);
      if (!taken.held) return runId;
      try {
        const startedAt = stored?.startedAt ?? this.clock.now();
        await this.commands.run(paymentRunStream(runId), this.context(runId, 'started'), (history) => startPaymentRun(foldPaymentRun(this.upcastAll(history)), { runId, through, requestedBy, startedAt }));
        const record: PaymentRunRecord = { runId, through, status: 'running', requestedBy: stored?.requestedBy ?? requestedBy, startedAt, processed: 0, total: 0 };
        this.running.set(runId, { record, done: this.runHolding(record, taken.held, onProgress) });
      } catch (error) {
        await taken.held.release();
        throw error;
      }
      return runId;
    } finally {
      this.starting.delete(runId);
    }
  }

  /** Runs it, lets the lease go, then forgets it (in that order: a next start here cannot take the lease and lose it to this release). */
  private runHolding(record: PaymentRunRecord, lease: HeldLease, onProgress?: (record: PaymentRunRecord) => void): Promise<void> {
    return this.run(record, onProgress)
      .finally(() => lease.release().catch((error: unknown) => this.logger.error(error)))
      .finally(() => this.running.delete(record.runId));
  }

  async get(runId: string): Promise<PaymentRunRecord> {
    const record = this.running.get(runId)?.record ?? (await this.storedWithLease(runId));
    if (!record) throw new PaymentRunNotFound(runId);
    return record;
  }

  /** A run started and not completed is `running` while a live process holds its lease, `interrupted` once none does. */
  private async storedWithLease(runId: string): Promise<PaymentRunRecord | undefined> {
    const stored = await this.stored(runId);
    if (stored?.status !== 'interrupted') return stored;
    const holder = await this.replayStorage.leases.holder(paymentRunLeaseOf(runId));
    if (!holder) return stored;
    // It may have completed between the two reads (it completes before its lease is let go): read it again.
    const again = await this.stored(runId);
    return again?.status === 'interrupted' ? { ...again, status: 'running' } : again;
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
      const result = await runPayments(this.ledger, this.readModels, { runId: record.runId, through: record.through, today: this.clock.today(), total }, rules, (progress) => onProgress?.(Object.assign(record, progress)));
      const completed = { ...result, runId: record.runId, through: record.through, rulesVersion: rules.version, completedAt: this.clock.now() };
      await this.commands.run(paymentRunStream(record.runId), this.context(record.runId, 'completed'), (history) => completePaymentRun(foldPaymentRun(this.upcastAll(history)), completed));
      Object.assign(record, result, { status: 'done', completedAt: completed.completedAt, rulesVersion: rules.version });
      this.logger.log(`Payment run ${record.runId} through ${record.through}: ${result.paidCount} payments, ${result.exported.count} transfers exported, ${result.skipped.length} skipped`);
    } catch (error) {
      record.status = 'failed';
      record.reason = error instanceof Error ? error.message : String(error);
      this.logger.error(`Payment run ${record.runId} failed: ${record.reason}`);
    }
  }

  /** The run's start and end are each recorded once: a repeat finds it by its id. */
  private context(runId: string, step: string) {
    return { actor: PAYMENT_RUN_ACTOR, idempotencyKey: `payment-run:${runId}:${step}`, requestHash: `payment-run:${runId}:${step}`, correlationId: `payment-run-${runId}`, causationId: `payment-run-${runId}-${step}` };
  }

  private upcastAll(history: Awaited<ReturnType<EventStore['readStream']>>): PaymentRunEvent[] {
    return history.map((event) => upcast(event.type, event.metadata.schemaVersion, event.data) as PaymentRunEvent);
  }

  private async stored(runId: string): Promise<PaymentRunRecord | undefined> {
    const { started, completed } = foldPaymentRun(this.upcastAll(await this.events.readStream(paymentRunStream(runId))));
    if (!started) return undefined;
    const base = { runId, through: started.through, requestedBy: started.requestedBy, startedAt: started.startedAt };
    return completed ? { ...base, ...completed, status: 'done' } : { ...base, status: 'interrupted' };
  }
}
