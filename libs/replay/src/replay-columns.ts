import type { StoppageKind } from '@ij/rules';
import type { ReplayRow } from './replay-row';
import type { ReplayRecord, ReplayStatus, StoredReplayRow } from './replay-store.port';

/** The columns of the replays and replay_rows tables, the same in SQLite and PostgreSQL. */
export interface ReplayColumns {
  replay_id: string;
  rules_version: string;
  current_rules_version: string;
  through: string;
  status: string;
  reason: string | null;
  processed: number | string;
  total: number | string;
  affected: number | string;
  underpaid_cents: number | string;
  overpaid_cents: number | string;
  settlements: number | string;
  checkpoint: string;
  requested_by: string;
  requested_at: string;
  finished_at: string | null;
}

export interface RowColumns {
  seq: number | string;
  policyholder_id: string;
  stoppage_id: string;
  kind: string;
  current_cents: number | string;
  replayed_cents: number | string;
  paid_cents: number | string;
  delta_cents: number | string;
  settlement_cents: number | string;
  entitlement_status: string;
}

export const ROW_COLUMNS =
  'policyholder_id, stoppage_id, kind, current_cents, replayed_cents, paid_cents, delta_cents, settlement_cents, entitlement_status';

export function recordOf(row: ReplayColumns): ReplayRecord {
  return {
    replayId: row.replay_id,
    rulesVersion: row.rules_version,
    currentRulesVersion: row.current_rules_version,
    through: row.through,
    status: row.status as ReplayStatus,
    ...(row.reason === null ? {} : { reason: row.reason }),
    processed: Number(row.processed),
    total: Number(row.total),
    affected: Number(row.affected),
    underpaidCents: Number(row.underpaid_cents),
    overpaidCents: Number(row.overpaid_cents),
    settlements: Number(row.settlements),
    checkpoint: row.checkpoint,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    ...(row.finished_at === null ? {} : { finishedAt: row.finished_at }),
  };
}

export function rowOf(row: RowColumns): StoredReplayRow {
  return {
    seq: Number(row.seq),
    policyholderId: row.policyholder_id,
    stoppageId: row.stoppage_id,
    kind: row.kind as StoppageKind,
    currentCents: Number(row.current_cents),
    replayedCents: Number(row.replayed_cents),
    paidCents: Number(row.paid_cents),
    deltaCents: Number(row.delta_cents),
    settlementCents: Number(row.settlement_cents),
    entitlementStatus: row.entitlement_status as ReplayRow['entitlementStatus'],
  };
}
