/** What one request learns of its key's window. */
export interface WindowHit {
  /** Refused: the key went past the limit and its block has not expired. */
  blocked: boolean;
  /** Hits counted in the window, this one included. */
  hits: number;
  /** Seconds until the key's fixed reset time (the X-RateLimit-Reset header). */
  secondsToReset: number;
  /** Seconds until a blocked key is served again (Retry-After). */
  secondsToUnblock: number;
}

interface Window {
  /** When each hit of the window leaves it, oldest first, from `head` on (appended in time order). */
  expirations: number[];
  head: number;
  resetsAt: number;
  blocked: boolean;
  unblocksAt: number;
}

/**
 * A sliding-window counter per key, with the rules of @nestjs/throttler 6's in-memory storage (block
 * duration = window): a hit is counted while the key is not blocked; the hit past `limit` blocks the key for
 * a window; once the block expired, the count starts again from that hit. A hit leaves the count one window
 * after it was made. The hits of a key are a queue in time order, so each request drops the expired ones
 * from its head: O(1) a request, where the library filtered a copy of the whole window every time.
 */
export class SlidingWindows {
  private readonly windows = new Map<string, Window>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    // Keys idle for a window are forgotten, as the library's sweep did.
    this.sweeper = setInterval(() => this.sweep(), windowMs);
    this.sweeper.unref();
  }

  hit(key: string): WindowHit {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window) {
      window = { expirations: [], head: 0, resetsAt: now + this.windowMs, blocked: false, unblocksAt: 0 };
      this.windows.set(key, window);
    }
    dropExpired(window, now);
    if (window.resetsAt <= now) window.resetsAt = now + this.windowMs;
    if (!window.blocked) window.expirations.push(now + this.windowMs);
    if (!window.blocked && count(window) > this.limit) {
      window.blocked = true;
      window.unblocksAt = now + this.windowMs;
    }
    const secondsToUnblock = secondsUntil(window.unblocksAt - now);
    if (window.blocked && secondsToUnblock <= 0) {
      window.blocked = false;
      window.expirations = [now + this.windowMs];
      window.head = 0;
    }
    return { blocked: window.blocked, hits: count(window), secondsToReset: secondsUntil(window.resetsAt - now), secondsToUnblock };
  }

  /** Stops the sweep (application shutdown). */
  close(): void {
    clearInterval(this.sweeper);
    this.windows.clear();
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, window] of this.windows) {
      if (window.blocked && window.unblocksAt > now) continue;
      if (window.resetsAt > now) continue;
      dropExpired(window, now);
      if (count(window) === 0) this.windows.delete(key);
    }
  }
}

/** Whole seconds, rounded up (a time, not an amount: ceil(ms / 1000)). */
function secondsUntil(milliseconds: number): number {
  return -Math.floor(-milliseconds / 1_000);
}

function count(window: Window): number {
  return window.expirations.length - window.head;
}

function dropExpired(window: Window, now: number): void {
  const { expirations } = window;
  while (window.head < expirations.length && expirations[window.head] <= now) window.head++;
  // Compact once the dropped head is most of the array.
  if (window.head > 1_024 && window.head * 2 > expirations.length) {
    window.expirations = expirations.slice(window.head);
    window.head = 0;
  }
}
