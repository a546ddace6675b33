/** How many answers are kept at most: some 4 096 balances of a few kB each. */
export const KEPT_ANSWERS = 4_096;

/**
 * Query answers reused while the store has not changed (EventStore.changeToken: SQLite, whose read models
 * share the event store's file). An answer computed from the read models and the rules is a pure function
 * of what the file holds and of the query, so the same query over an unchanged file gets the same answer:
 * any commit, by this process or another, drops them all. A store without a token reuses nothing.
 * Answers are frozen: they are shared by every request that reads them.
 */
export class UnchangedStoreAnswers {
  private token: string | undefined;
  private readonly answers = new Map<string, unknown>();

  constructor(
    private readonly changeToken: (() => string) | undefined,
    private readonly capacity = KEPT_ANSWERS,
  ) {}

  async answer<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (!this.changeToken) return compute();
    const before = this.changeToken();
    if (before !== this.token) {
      this.answers.clear();
      this.token = before;
    }
    const kept = this.answers.get(key);
    if (kept !== undefined) {
      // Least recently read last: the first key is the one dropped when full.
      this.answers.delete(key);
      this.answers.set(key, kept);
      return kept as T;
    }
    const computed = deepFreeze(await compute());
    // A commit while it was computed: the answer may mix both states of the file, and is not kept.
    if (this.changeToken() === before && this.token === before) {
      if (this.answers.size >= this.capacity) this.answers.delete(this.answers.keys().next().value as string);
      this.answers.set(key, computed);
    }
    return computed;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const property of Object.values(value)) deepFreeze(property);
  }
  return value;
}
