import type { RecordedEvent } from '@ij/event-store';

/**
 * The events of recently used streams, as read from the store, bounded by their total number of events (a
 * stream's length varies from a few events to years of advances): the least recently used streams go first,
 * and a stream longer than the bound is not kept at all. Events are frozen as they come in: what is kept
 * cannot be changed by whoever reads it.
 */
export class StreamHistories {
  private readonly streams = new Map<string, readonly RecordedEvent[]>();
  private events = 0;

  constructor(readonly maxEvents: number) {}

  /** The events kept for a stream (and it becomes the most recently used), or undefined. */
  get(streamId: string): readonly RecordedEvent[] | undefined {
    const history = this.streams.get(streamId);
    if (history) {
      this.streams.delete(streamId);
      this.streams.set(streamId, history);
    }
    return history;
  }

  /** The stream's events after those kept: the whole history, kept when it fits. */
  extend(streamId: string, known: readonly RecordedEvent[] | undefined, tail: RecordedEvent[]): readonly RecordedEvent[] {
    for (const event of tail) deepFreeze(event);
    const history = known && tail.length === 0 ? known : [...(known ?? []), ...tail];
    this.forget(streamId);
    if (history.length === 0 || history.length > this.maxEvents) return history;
    this.streams.set(streamId, history);
    this.events += history.length;
    for (const [oldest, events] of this.streams) {
      if (this.events <= this.maxEvents) break;
      this.streams.delete(oldest);
      this.events -= events.length;
    }
    return history;
  }

  get keptEvents(): number {
    return this.events;
  }

  private forget(streamId: string): void {
    const kept = this.streams.get(streamId);
    if (!kept) return;
    this.streams.delete(streamId);
    this.events -= kept.length;
  }
}

/** Freezes a recorded event and everything in it: a decision that tried to change one would throw. */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
