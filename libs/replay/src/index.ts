export { replayPolicyholder, isNoteworthy, compareRows, type ReplayRow, type ReplayVersions } from './replay-row';
export { summarize, type ReplaySummary } from './replay-summary';
export { partitionOf } from './partition';
export { inMemoryPolicyholderSource, policyholderRanges, type PolicyholderRange, type PolicyholderSource, type PolicyholderRecord, type PolicyholderPage } from './policyholder-source';
export { replayPartition, DEFAULT_PAGE_SIZE, type PartitionJob, type PartitionResult } from './replay-partition';
export { runReplay, mergePartitions, defaultWorkerCount, DEFAULT_WORKER_FILE, type ReplayRequest, type ReplayRunOptions, type ReplayResult, type ReplayProgress } from './run-replay';
export { resolveVersions } from './resolve-versions';
export { openSource, type SourceSpec } from './source-spec';
export { replayIdOf, partitionedReplayIdOf, regularizationKeyOf, REPLAY_ID_NAMESPACE } from './replay-id';
export type { ReplayStore, ReplayRecord, ReplayStatus, NewReplay, StoredReplayRow, ReplayRowsQuery } from './replay-store.port';
export { diffCsv, diffCsvHeader, diffCsvLines, DIFF_CSV_COLUMNS } from './diff-csv';
export { SqlitePolicyholderSource } from './sqlite/sqlite-policyholder-source';
export { SqliteReplayStore } from './sqlite/sqlite-replay-store';
export { PostgresPolicyholderSource } from './postgres/postgres-policyholder-source';
export { PostgresReplayStore } from './postgres/postgres-replay-store';
export type { WorkLease, WorkLeaseStore, AcquireLease } from './work-lease.port';
export { SqliteWorkLeases } from './sqlite/sqlite-work-leases';
export { PostgresWorkLeases } from './postgres/postgres-work-leases';
export { PostgresWorkPartitions, type ClaimedPartition, type NewWorkJob, type PartitionRow, type PartitionStatus } from './postgres/work-partitions';
export { runPartitionedReplay, REPLAY_JOB_KIND, type PartitionedReplayEvent, type PartitionedReplayOptions } from './partitioned-replay';
export { verifyLedger, type VerifyOptions } from './audit/verify-ledger';
export { reproduceRegularization } from './audit/reproduce-regularization';
export { AuditVerifier } from './audit/audit-verifier';
export {
  auditExportLines,
  verifyAuditExport,
  AUDIT_EXPORT_FORMAT,
  AUDIT_EXPORT_VERSION,
  type AuditExportHeader,
  type AuditExportEvent,
  type AuditExportEnd,
  type AuditExportOptions,
} from './audit/audit-export';
export type { AuditReport, AuditFailure, AuditFailureKind } from './audit/audit-report';
export * from './seed';
