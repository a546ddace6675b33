import type { RecordedEvent, Subscription } from './event-store.port';

/**
 * Wakes catch-up subscriptions of this process as soon as an append commits, so live delivery does
 * not wait for the next poll. Other processes' appends are found by polling.
 */
export class AppendSignal {
  private waiters: Array<() => void> = [];

  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves on the next notify or after `timeoutMs`, whichever comes first. */
  wait(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== wake);
        resolve();
      }, timeoutMs);
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(wake);
    });
  }
}

export interface CatchUpOptions {
  readAll: (options: { fromPosition: bigint; limit: number }) => Promise<RecordedEvent[]>;
  signal: AppendSignal;
  pollIntervalMs?: number;
  pageSize?: number;
}

/**
 * Reads the global log page by page from the last delivered position. This never skips an event
 * only because the adapters guarantee that positions become visible in increasing order (see each
 * adapter), and never delivers one twice because it always resumes strictly after the last delivered.
 */
export function catchUpSubscription(
  fromPosition: bigint,
  handler: (event: RecordedEvent) => Promise<void> | void,
  options: CatchUpOptions,
): Subscription {
  const pollIntervalMs = options.pollIntervalMs ?? 25;
  const pageSize = options.pageSize ?? 1000;
  let stopped = false;
  const stopSignal = new AppendSignal();

  const run = async () => {
    let position = fromPosition;
    while (!stopped) {
      const page = await options.readAll({ fromPosition: position, limit: pageSize });
      for (const event of page) {
        if (stopped) return;
        await handler(event);
        position = event.position;
      }
      if (page.length < pageSize && !stopped) {
        await Promise.race([options.signal.wait(pollIntervalMs), stopSignal.wait(pollIntervalMs)]);
      }
    }
  };

  const done = run();
  return {
    done,
    async stop() {
      stopped = true;
      stopSignal.notify();
      await done.catch(() => undefined);
    },
  };
}

/**
 * The subscriptions an adapter has handed out and not yet seen end: each adapter tracks them the same way,
 * forgets one once it is done, and stops all that remain when it closes.
 */
export class OpenSubscriptions {
  private readonly open = new Set<Subscription>();

  track(subscription: Subscription): Subscription {
    this.open.add(subscription);
    const forget = () => this.open.delete(subscription);
    subscription.done.then(forget, forget);
    return subscription;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.open].map((subscription) => subscription.stop()));
  }
}
