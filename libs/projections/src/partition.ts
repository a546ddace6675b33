import { createHash } from 'node:crypto';

/**
 * The share a policyholder belongs to among `partitions` workers: the first 4 bytes of sha256(id), modulo
 * the count. Stable across processes and runs, so N workers together see every policyholder exactly once.
 * Partitioned replays (libs/replay) and partitioned rebuilds share it; PostgreSQL computes the same value
 * in SQL (see postgres/postgres-partitioned-rebuild.ts).
 */
export function partitionOf(policyholderId: string, partitions: number): number {
  if (!Number.isInteger(partitions) || partitions < 1) throw new RangeError(`partitions must be a positive integer, got ${partitions}`);
  if (partitions === 1) return 0;
  return createHash('sha256').update(policyholderId, 'utf8').digest().readUInt32BE(0) % partitions;
}
