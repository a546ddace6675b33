/**
 * Records the first response to a command so that a repeated request (same scope and key) gets it
 * back instead of running again. Generic: it knows no domain.
 */
export interface StoredResponse {
  /** Hash of the request that produced the response: a different request under the same key is refused above. */
  requestHash: string;
  statusCode: number;
  body: unknown;
  /** ISO-8601 instant. */
  recordedAt: string;
}

export interface IdempotencyStore {
  get(scope: string, key: string): Promise<StoredResponse | undefined>;
  /** Insert if absent; returns the record that is stored after the call (the existing one when there was one). */
  putIfAbsent(scope: string, key: string, response: StoredResponse): Promise<StoredResponse>;
  /** Deletes the records recorded strictly before `isoInstant`; returns how many. */
  purgeOlderThan(isoInstant: string): Promise<number>;
}
