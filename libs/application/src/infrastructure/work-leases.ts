import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Logger } from '@nestjs/common';
import type { WorkLease, WorkLeaseStore } from '@ij/replay';

/** Default LEDGER_WORK_LEASE_MS: a replay or payment run whose process died is known abandoned 30 s later at most. */
export const DEFAULT_WORK_LEASE_MS = 30_000;

/** A lease this process holds: renewed every ttl/3 until released. */
export interface HeldLease {
  readonly name: string;
  readonly item: string;
  /** Stops renewing and lets the lease go (once the renewal in flight, if any, has ended). */
  release(): Promise<void>;
  /** Stops renewing and leaves the lease to lapse (a process leaving a job others still work on under the same owner). */
  stopRenewing(): Promise<void>;
}

export type TakenLease = { held: HeldLease; heldBy?: undefined } | { held?: undefined; heldBy: WorkLease };

export interface TakeOptions {
  /** Called once if a renewal finds the lease taken by someone else (this process stalled longer than the ttl). */
  onLost?: () => void;
  /** Holds the lease for a group of processes sharing one job (`replay --partitions`) rather than for this one. */
  owner?: string;
}

/**
 * The leases of this process on background work (one owner id per opened storage: two apps in one process are
 * two owners). A running replay or payment run holds one and renews it every ttl/3; when its process dies the
 * lease lapses after the ttl, and whoever looks next knows the work was abandoned. Wall-clock time, not the
 * business clock: a lease is about processes being alive.
 */
export class WorkLeases {
  private readonly logger = new Logger('WorkLease');

  constructor(
    readonly store: WorkLeaseStore,
    readonly ttlMs: number = DEFAULT_WORK_LEASE_MS,
    readonly owner: string = `${hostname()}:${process.pid}:${randomUUID()}`,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes `name` for `item` and keeps it renewed, or answers who holds it. */
  async take(name: string, item: string, options: TakeOptions = {}): Promise<TakenLease> {
    const owner = options.owner ?? this.owner;
    const holder = await this.store.acquire({ name, owner, item, ttlMs: this.ttlMs }, this.now());
    if (holder.owner !== owner) return { heldBy: holder };
    return { held: this.keep(name, owner, item, options.onLost) };
  }

  /** Who holds `name` now (nobody once it lapsed). */
  holder(name: string): Promise<WorkLease | undefined> {
    return this.store.holder(name, this.now());
  }

  private keep(name: string, owner: string, item: string, onLost?: () => void): HeldLease {
    let renewal = Promise.resolve();
    let released = false;
    const timer = setInterval(() => {
      renewal = renewal.then(async () => {
        if (released) return;
        try {
          if (await this.store.renew(name, owner, this.ttlMs, this.now())) return;
          clearInterval(timer);
          this.logger.error(`Lease ${name} on ${item} was lost: another process took it after this one stopped renewing it`);
          onLost?.();
        } catch (error) {
          this.logger.warn(`Lease ${name} on ${item} could not be renewed: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
    }, Math.max(1, Math.floor(this.ttlMs / 3)));
    timer.unref();
    const stopRenewing = async () => {
      released = true;
      clearInterval(timer);
      await renewal;
    };
    return {
      name,
      item,
      stopRenewing,
      release: async () => {
        if (released) return;
        await stopRenewing();
        await this.store.release(name, owner);
      },
    };
  }
}
