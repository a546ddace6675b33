/**
 * Leases on background work (a replay, a payment run), kept in the read models' database beside the replays
 * so that every process sharing the store sees them. A lease has a name (what is held: `replay` for the one
 * replay a store runs at a time, `payment-run:<id>` for a run), an owner (a random id per running process),
 * the item it runs (the replay or run id) and an expiry in epoch milliseconds. Its holder renews it while it
 * works; a holder that dies stops renewing and the lease lapses, so its work is known to be abandoned.
 * Times are passed in by the caller (wall-clock milliseconds), never read by the store.
 */
export interface WorkLease {
  name: string;
  owner: string;
  item: string;
  /** Epoch milliseconds after which the lease no longer holds. */
  expiresAt: number;
}

export interface AcquireLease {
  name: string;
  owner: string;
  item: string;
  ttlMs: number;
}

export interface WorkLeaseStore {
  /**
   * Takes the lease if no one holds it, it has lapsed (`expiresAt <= now`) or `owner` already holds it, in one
   * atomic step; answers the holder afterwards: the lease is ours when its owner is `owner`.
   */
  acquire(lease: AcquireLease, now: number): Promise<WorkLease>;
  /** Extends the lease to now + ttlMs if `owner` still holds it (even lapsed, if no one took it since); false when it was lost. */
  renew(name: string, owner: string, ttlMs: number, now: number): Promise<boolean>;
  /** Lets the lease go if `owner` holds it (another owner's lease is left alone). */
  release(name: string, owner: string): Promise<void>;
  /** Who holds the lease at `now`, if anyone (a lapsed lease has no holder). */
  holder(name: string, now: number): Promise<WorkLease | undefined>;
}
