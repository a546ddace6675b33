export * from './read-model-store.port';
export { Projector, SubscriptionProjector, type ProjectorOptions, type SubscriptionProjectorOptions } from './projector';
export { PostgresProjectorLease } from './postgres/projector-lease';
export { SqliteReadModelStore } from './sqlite/sqlite-read-model-store';
export { PostgresReadModelStore } from './postgres/postgres-read-model-store';
export { PostgresRebuildTables, shadowSuffixOf } from './postgres/postgres-partitioned-rebuild';
export {
  runPartitionedRebuild,
  REBUILD_JOB_KIND,
  type RebuildJobRequest,
  type RebuildCoordinator,
  type RebuildTables,
  type ClaimedRebuildPartition,
  type PartitionFold,
  type PartitionFoldResult,
  type PartitionedRebuildEvent,
  type PartitionedRebuildOptions,
} from './partitioned-rebuild';
export { partitionOf } from './partition';
export { toPolicyholderState, serializeDocument, deserializeDocument, type PolicyholderDocument } from './model/policyholder-document';
export type { StoppageRow } from './model/stoppage-row';
export { readActiveRules } from './queries/active-rules';
export { stoppageView, type StoppageView } from './queries/stoppage-view';
export { explainedEntitlement, type ExplainedEntitlement } from './queries/explained-entitlement';
export { policyholderBalance, type PolicyholderBalance, type StoppageBalance } from './queries/balance';
export { policyholderHistory, jsonPosition, type HistoryEntry } from './queries/history';
export { regularizationBacklog, backlogCsv, backlogRowsOf, backlogPage, InvalidBacklogCursor, type RegularizationBacklog, type RegularizationBacklogPage, type BacklogRow, type BacklogTotal } from './queries/backlog';
export { BACKLOG_REASONS, AGE_BUCKETS, type BacklogReason, type AgeBucket } from './queries/backlog-reason';
export { policyholderStatement, taxableShareOf, TAXABLE_BASE, type PolicyholderStatement, type StatementMonth, type StatementAmounts, type StatementAdvance, type StatementReturn, type TaxableShare } from './queries/statement';
export { csvCell } from './csv-cell';
export { transferView, policyholderTransfers, ledgerTransfers, disbursementReport, type TransferView, type TransferPage, type TransferFilter } from './queries/transfers';
export * from './where-is-my-money';
