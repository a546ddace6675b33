import { packRows, unpackRows } from './packed-rows';
import type { ReplayRow } from '../replay-row';

const row = (policyholderId: string, overrides: Partial<ReplayRow> = {}): ReplayRow => ({
  policyholderId,
  stoppageId: `stoppage-of-${policyholderId}`,
  kind: 'SICKNESS',
  currentCents: 123_456,
  replayedCents: 125_000,
  paidCents: 30_000,
  deltaCents: 1_544,
  settlementCents: 95_000,
  entitlementStatus: 'COMPUTED',
  ...overrides,
});

describe("a worker's rows packed for the main thread", () => {
  it('unpack to the rows packed, in their order', () => {
    const rows = [
      row('a'),
      row('b', { kind: 'OCCUPATIONAL_ACCIDENT', entitlementStatus: 'MISSING_SALARY_CERTIFICATE', replayedCents: 0, deltaCents: -123_456, settlementCents: 0 }),
      row('c', { paidCents: 9_007_199_254_740_991, settlementCents: -9_007_199_254_740_991, deltaCents: -1 }),
    ];
    expect(unpackRows(packRows(rows))).toEqual(rows);
  });

  it('hold their amounts in one buffer that can be transferred', () => {
    const packed = packRows([row('a'), row('b')]);
    expect(packed.cents).toBeInstanceOf(Float64Array);
    expect(Array.from(packed.cents.subarray(5, 10))).toEqual([123_456, 125_000, 30_000, 1_544, 95_000]);
    expect(unpackRows(structuredClone(packed, { transfer: [packed.cents.buffer] }))).toEqual([row('a'), row('b')]);
  });

  it('unpack no rows from none', () => expect(unpackRows(packRows([]))).toEqual([]));
});
