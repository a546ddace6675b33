import type { ReplayRow } from '../replay-row';

/**
 * A worker's rows as they cross to the main thread: one array per text column and the five amounts of
 * every row in one Float64Array (integer cents are exact in a double), transferred, not copied.
 * Structured-cloning some 90 000 row objects cost the main thread about half a second per replay
 * (the clone rebuilds every object and property); this form costs it a fraction of that.
 */
export interface PackedRows {
  policyholderIds: string[];
  stoppageIds: string[];
  kinds: Array<ReplayRow['kind']>;
  entitlementStatuses: Array<ReplayRow['entitlementStatus']>;
  /** currentCents, replayedCents, paidCents, deltaCents, settlementCents of row i at 5 i … 5 i + 4. */
  cents: Float64Array<ArrayBuffer>;
}

const AMOUNTS = 5;

export function packRows(rows: ReplayRow[]): PackedRows {
  const packed: PackedRows = { policyholderIds: [], stoppageIds: [], kinds: [], entitlementStatuses: [], cents: new Float64Array(rows.length * AMOUNTS) };
  rows.forEach((row, index) => {
    packed.policyholderIds.push(row.policyholderId);
    packed.stoppageIds.push(row.stoppageId);
    packed.kinds.push(row.kind);
    packed.entitlementStatuses.push(row.entitlementStatus);
    const at = index * AMOUNTS;
    packed.cents[at] = row.currentCents;
    packed.cents[at + 1] = row.replayedCents;
    packed.cents[at + 2] = row.paidCents;
    packed.cents[at + 3] = row.deltaCents;
    packed.cents[at + 4] = row.settlementCents;
  });
  return packed;
}

export function unpackRows(packed: PackedRows): ReplayRow[] {
  const { cents } = packed;
  return packed.policyholderIds.map((policyholderId, index) => {
    const at = index * AMOUNTS;
    return {
      policyholderId,
      stoppageId: packed.stoppageIds[index],
      kind: packed.kinds[index],
      currentCents: cents[at],
      replayedCents: cents[at + 1],
      paidCents: cents[at + 2],
      deltaCents: cents[at + 3],
      settlementCents: cents[at + 4],
      entitlementStatus: packed.entitlementStatuses[index],
    };
  });
}
