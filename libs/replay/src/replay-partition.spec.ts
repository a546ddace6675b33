import { RULES_2026_1, RULES_2026_2 } from '@ij/rules';
import { partitionOf } from './partition';
import { inMemoryPolicyholderSource } from './policyholder-source';
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
