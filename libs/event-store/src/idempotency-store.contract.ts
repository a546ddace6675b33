/// <reference types="jest" />
import type { IdempotencyStore, StoredResponse } from './idempotency-store.port';

const firstResponse: StoredResponse = { requestHash: 'sha256-a', statusCode: 201, body: { advanceId: 'advance-1', amountCents: 3_287 }, recordedAt: '2025-03-14T09:00:00.000Z' };
const secondResponse: StoredResponse = { requestHash: 'sha256-b', statusCode: 409, body: { code: 'stoppage-closed' }, recordedAt: '2025-03-14T09:00:01.000Z' };

/** The behaviour every IdempotencyStore adapter must show. */
export function idempotencyStoreContract(name: string, open: () => Promise<{ store: IdempotencyStore; close: () => Promise<void> }>) {
  describe(`${name} idempotency store`, () => {
    let store: IdempotencyStore;
    let close: () => Promise<void>;

    beforeAll(async () => ({ store, close } = await open()));
    afterAll(() => close?.());

    it('returns nothing for an unknown key', async () => expect(await store.get('advances', 'unknown')).toBeUndefined());

    it('keeps the first response to a key and returns it to every later attempt', async () => {
      expect(await store.putIfAbsent('advances', 'key-1', firstResponse)).toEqual(firstResponse);
      expect(await store.putIfAbsent('advances', 'key-1', secondResponse)).toEqual(firstResponse);
      expect(await store.get('advances', 'key-1')).toEqual(firstResponse);
    });

    it('keeps scopes apart', async () => {
      await store.putIfAbsent('stoppages', 'key-1', secondResponse);
      expect(await store.get('stoppages', 'key-1')).toEqual(secondResponse);
    });

    it('keeps one winner among concurrent first attempts', async () => {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, index) => store.putIfAbsent('advances', 'key-race', { ...firstResponse, requestHash: `sha256-${index}` })),
      );
      expect(new Set(answers.map((answer) => answer.requestHash)).size).toBe(1);
    });

    it('purges the records older than an instant', async () => {
      await store.putIfAbsent('purge', 'old', { ...firstResponse, recordedAt: '2024-01-01T00:00:00.000Z' });
      await store.putIfAbsent('purge', 'new', { ...firstResponse, recordedAt: '2026-01-01T00:00:00.000Z' });
      expect(await store.purgeOlderThan('2025-01-01T00:00:00.000Z')).toBe(1);
      expect(await store.get('purge', 'old')).toBeUndefined();
      expect(await store.get('purge', 'new')).toBeDefined();
    });
  });
}
