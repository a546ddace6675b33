import { RULES_2026_1, RULES_2026_2 } from '@ij/rules';
import { partitionOf } from './partition';
import { inMemoryPolicyholderSource, policyholderRanges, type PolicyholderSource } from './policyholder-source';
import { replayPartition } from './replay-partition';
import { mergePartitions, runReplay } from './run-replay';
import { population } from './test-support/histories';

const versions = { current: RULES_2026_2, replayed: RULES_2026_1 };
const THROUGH = '2025-06-30';

async function replayWith(partitions: number, pageSize: number) {
  const source = inMemoryPolicyholderSource(population(101));
  const results = [];
  for (let partition = 0; partition < partitions; partition++) {
    results.push(await replayPartition(source, { versions, through: THROUGH, partition, partitions, pageSize }));
  }
  return mergePartitions(results, await source.count(), partitions);
}

describe('a partitioned replay', () => {
  it('gives every policyholder to exactly one share', () => {
    const ids = population(101).map((record) => record.policyholderId);
    for (const partitions of [1, 2, 3, 4]) {
      const shares = ids.map((id) => partitionOf(id, partitions));
      expect(shares.every((share) => share >= 0 && share < partitions)).toBe(true);
      expect(ids.map((id) => partitionOf(id, partitions))).toEqual(shares);
    }
    expect(new Set(ids.map((id) => partitionOf(id, 4))).size).toBe(4);
  });

  it('does not depend on the number of partitions nor on the page size', async () => {
    const single = await replayWith(1, 1_000);
    expect(single.processed).toBe(101);
    expect(single.affected).toBeGreaterThan(0);
    for (const [partitions, pageSize] of [[2, 7], [4, 13], [3, 1]]) {
      const { workers: _workers, ...partitioned } = await replayWith(partitions, pageSize);
      const { workers: _single, ...expected } = single;
      expect(partitioned).toEqual(expected);
    }
  });

  it('cuts the id order into contiguous ranges of equal size, each holding its policyholders once and read by its share alone', async () => {
    const ids = population(101).map((record) => record.policyholderId).sort();
    for (const [parts, total] of [[2, 101], [3, 101], [4, 3], [2, 1], [2, 0]]) {
      const source = inMemoryPolicyholderSource(population(101).slice(0, total));
      let rowsRead = 0;
      const counted: PolicyholderSource = { ...source, page: (afterId, limit, keep) => source.page(afterId, limit, (id) => (rowsRead++, keep(id))) };
      const ranges = await policyholderRanges(source, parts);
      expect(ranges).toHaveLength(parts);
      let processed = 0;
      for (const [partition, range] of ranges.entries()) {
        const share = await replayPartition(counted, { versions, through: THROUGH, partition, partitions: parts, range, pageSize: 5 });
        const inRange = ids.slice(0, total).filter((id) => (range.afterId === null || id > range.afterId) && (range.throughId === null || id <= range.throughId));
        expect(share.processed).toBe(inRange.length);
        // Equal sizes, give or take one: 101 in 3 is 33, 34, 34.
        expect(Math.abs(share.processed - total / parts)).toBeLessThan(1);
        processed += share.processed;
      }
      expect(processed).toBe(total);
      // Each share reads its own rows and at most one page past them, not every row (hash shares read parts × total).
      expect(rowsRead).toBeLessThanOrEqual(total + (parts - 1) * 5);
    }
  });

  it('gives the same result with contiguous ranges as with hash shares', async () => {
    const source = inMemoryPolicyholderSource(population(101));
    const ranges = await policyholderRanges(source, 3);
    const results = [];
    for (const [partition, range] of ranges.entries()) results.push(await replayPartition(source, { versions, through: THROUGH, partition, partitions: 3, range, pageSize: 7 }));
    const { workers: _ranged, ...ranged } = mergePartitions(results, 101, 3);
    const { workers: _single, ...expected } = await replayWith(1, 1_000);
    expect(ranged).toEqual(expected);
  });

  it('keeps only the rows worth showing, sorted by policyholder then stoppage', async () => {
    const { rows } = await replayWith(2, 10);
    expect(rows.every((row) => row.deltaCents !== 0 || row.settlementCents !== 0)).toBe(true);
    const keys = rows.map((row) => `${row.policyholderId}/${row.stoppageId}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('runs in this thread when no compiled worker is available, with the same result', async () => {
    const progress: number[] = [];
    const result = await runReplay(
      { currentVersion: '2026.2', replayedVersion: '2026.1', through: THROUGH },
      { source: inMemoryPolicyholderSource(population(101)), workers: 2, workerSource: { kind: 'sqlite', file: '/nonexistent' }, workerFile: '/nonexistent/replay-worker.js', pageSize: 10, onProgress: (p) => progress.push(p.processed) },
    );
    expect(result.workers).toBe(0);
    expect(progress.at(-1)).toBe(101);
    const { workers: _a, ...inThread } = result;
    const { workers: _b, ...expected } = await replayWith(1, 1_000);
    expect(inThread).toEqual(expected);
  });
});
