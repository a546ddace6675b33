import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { canonicalJson, computeEventHash, GENESIS_HASH, verifyChain } from './hash-chain';
import type { RecordedEvent } from './event-store.port';

const metadata = { actor: 'agent-42', correlationId: 'c-1', causationId: 'k-1', recordedAt: '2025-03-14T09:26:53.589Z', schemaVersion: 1 };

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops whitespace', () =>
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"e":2,"f":1}]},"b":1}'));

  it('drops undefined members as JSON.stringify does, so a stored event re-hashes equal', () =>
    expect(canonicalJson({ a: undefined, b: [undefined], c: null })).toBe('{"b":[null],"c":null}'));

  it('is JSON.stringify of the value with its keys sorted, for any JSON value (stored hashes stay reproducible)', () =>
    fc.assert(fc.property(fc.jsonValue(), (value) => expect(canonicalJson(value)).toBe(sortedJson(value)))));

  it('keeps the hash of a stored event: sha256 over the previous hash then the canonical JSON', () => {
    const event = { type: 'AdvanceIssued', data: { stoppageId: 's-1', amountCents: 3_287, when: new Date('2025-03-14T00:00:00.000Z') }, metadata };
    const expected = createHash('sha256').update(GENESIS_HASH).update(canonicalJson({ type: event.type, data: event.data, metadata })).digest('hex');
    expect(computeEventHash(GENESIS_HASH, event)).toBe(expected);
    expect(canonicalJson(event.data)).toBe('{"amountCents":3287,"stoppageId":"s-1","when":"2025-03-14T00:00:00.000Z"}');
  });
});

describe('the hash chain', () => {
  function chainOf(amounts: number[]): RecordedEvent[] {
    let previousHash = GENESIS_HASH;
    return amounts.map((amountCents, revision) => {
      const event = { type: 'AdvanceIssued', data: { amountCents }, metadata };
      previousHash = computeEventHash(previousHash, event);
      return { ...event, id: `id-${revision}`, streamId: 'policyholder-1', revision, position: BigInt(revision + 1), metadata: { ...metadata, hash: previousHash } };
    });
  }

  it('does not depend on key order, nor on the hash already in the metadata', () =>
    expect(computeEventHash(GENESIS_HASH, { type: 't', data: { a: 1, b: 2 }, metadata: { ...metadata, hash: 'x' } })).toBe(
      computeEventHash(GENESIS_HASH, { type: 't', data: { b: 2, a: 1 }, metadata }),
    ));

  it('verifies an untouched stream', () => expect(verifyChain(chainOf([100, 200, 300]))).toEqual({ ok: true }));

  it('points at the first event whose content changed', () => {
    const stream = chainOf([100, 200, 300]);
    stream[1] = { ...stream[1], data: { amountCents: 201 } };
    expect(verifyChain(stream)).toMatchObject({ ok: false, revision: 1 });
  });

  it('detects a removed event', () => {
    const stream = chainOf([100, 200, 300]);
    expect(verifyChain([stream[0], { ...stream[2], revision: 1 }])).toMatchObject({ ok: false, revision: 1 });
  });
});

/** JSON.stringify's output with every object's members in sorted key order (integer-like keys included). */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${sortedJson((value as Record<string, unknown>)[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}
