/**
 * Failed authentications per client address, in fixed one-minute windows (issue 21: requests with unknown keys
 * were never rate-limited, so keys could be guessed unthrottled). The per-key limit cannot see them: it counts
 * an actor, and they have none.
 */
export class FailedAuthentications {
  private readonly windows = new Map<string, { startedAt: number; failures: number }>();

  constructor(
    private readonly limitPerMinute: number,
    private readonly now: () => number = Date.now,
    /** Addresses remembered at most; beyond it expired windows are dropped, then the oldest. */
    private readonly maxAddresses = 10_000,
  ) {}

  /** True when the address has used up its failures of the current minute: refuse it before authenticating. */
  isBlocked(address: string): boolean {
    const window = this.current(address);
    return window !== undefined && window.failures >= this.limitPerMinute;
  }

  recordFailure(address: string): void {
    const window = this.current(address);
    if (window) {
      window.failures++;
      return;
    }
    if (this.windows.size >= this.maxAddresses) this.prune();
    this.windows.set(address, { startedAt: this.now(), failures: 1 });
  }

  private current(address: string): { startedAt: number; failures: number } | undefined {
    const window = this.windows.get(address);
    if (window && this.now() - window.startedAt >= 60_000) {
      this.windows.delete(address);
      return undefined;
    }
    return window;
  }

  private prune(): void {
    const now = this.now();
    for (const [address, window] of this.windows) if (now - window.startedAt >= 60_000) this.windows.delete(address);
    while (this.windows.size >= this.maxAddresses) this.windows.delete(this.windows.keys().next().value!);
  }
}
