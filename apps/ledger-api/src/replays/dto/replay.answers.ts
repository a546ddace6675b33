import { ApiProperty } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { AuditFailure as AuditFailureModel, AuditFailureKind, AuditReport as AuditReportModel, ReplayRecord, ReplayRow as ReplayRowModel, ReplayStatus } from '@ij/replay';
import { STOPPAGE_KINDS, type StoppageKind } from '@ij/rules';
import { ENTITLEMENT_STATUSES } from '../../policyholders/dto/balance.answer';
import { type EveryField, Cents, Count, Day, Flag, Instant, ListOf, OneOf, Text, Uuid, valuesOf } from '../../http/openapi/properties';

export class ReplayStarted {
  @Uuid({ description: 'derived from the Idempotency-Key: a retry names the same replay' }) replayId!: string;
}

/** GET /v1/replays/{replayId}: the replay's progress, then its figures. */
export class Replay implements EveryField<ReplayRecord> {
  @Uuid() replayId!: string;
  @Text({ description: 'the replayed version' }) rulesVersion!: string;
  @Text({ description: 'the version active when the replay started: what currentCents uses' }) currentRulesVersion!: string;
  @Day() through!: string;
  @OneOf(valuesOf<ReplayStatus>({ running: true, done: true, failed: true })) status!: ReplayStatus;
  @Text({ optional: true, description: 'why it failed' }) reason!: string | undefined;
  @Count() processed!: number;
  @Count() total!: number;
  @Count({ description: 'rows with deltaCents ≠ 0' }) affected!: number;
  @Cents({ description: 'sum of the positive deltas' }) underpaidCents!: number;
  @Cents({ description: 'sum of the negative deltas, as a positive number' }) overpaidCents!: number;
  @Count({ description: 'rows a Regularize would settle (what --apply issues)' }) settlements!: number;
  @Text({ description: "the read models' checkpoint when it started (a log position)" }) checkpoint!: string;
  @Text() requestedBy!: string;
  @Instant() requestedAt!: string;
  @Instant({ optional: true }) finishedAt!: string | undefined;
}

export class ReplayRow implements EveryField<ReplayRowModel> {
  @Text() policyholderId!: string;
  @Uuid() stoppageId!: string;
  @OneOf(STOPPAGE_KINDS) kind!: StoppageKind;
  @Cents({ description: 'entitlement through `through` under the active version' }) currentCents!: number;
  @Cents({ description: 'the same under the replayed version' }) replayedCents!: number;
  @Cents() paidCents!: number;
  @Cents({ description: 'replayedCents − currentCents' }) deltaCents!: number;
  @Cents({ description: 'replayedCents − paidCents: what a Regularize would settle' }) settlementCents!: number;
  @OneOf(ENTITLEMENT_STATUSES, { description: "the replayed entitlement's status" }) entitlementStatus!: ReplayRowModel['entitlementStatus'];
}

/** GET /v1/replays/{replayId}/diff: a page of rows; `next` is the cursor for `after`. */
export class ReplayDiff {
  @Uuid() replayId!: string;
  @Text() rulesVersion!: string;
  @Text() currentRulesVersion!: string;
  @Day() through!: string;
  @ListOf(() => ReplayRow) rows!: ReplayRow[];
  @Text({ nullable: true, description: 'the cursor of the next page (`?after=`), null on the last page' }) next!: string | null;
}

const FIGURES: SchemaObject = { oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }] };

export class AuditFailure implements EveryField<AuditFailureModel> {
  @Text() streamId!: string;
  @Count() revision!: number;
  @Text({ optional: true, description: "the event's global log position (a decimal string), when the failure is about one event" }) position!: string | undefined;
  @OneOf(valuesOf<AuditFailureKind>({ HASH_CHAIN: true, REGULARIZATION_MISMATCH: true, UNKNOWN_RULES_VERSION: true, UNREADABLE_EVENT: true, INCOMPLETE_EXPORT: true, UNRECONCILED_DISBURSEMENTS: true })) kind!: AuditFailureKind;
  @ApiProperty({ oneOf: FIGURES.oneOf, required: false, description: 'what the check computed' }) expected!: unknown | undefined;
  @ApiProperty({ oneOf: FIGURES.oneOf, required: false, description: 'what is stored' }) actual!: unknown | undefined;
  @Text() detail!: string;
}

/** GET /v1/audit/verify: hash chains intact, and every recorded regularization reproduced to the cent. */
export class AuditReport implements EveryField<AuditReportModel> {
  @Flag() ok!: boolean;
  @Count() streamsChecked!: number;
  @Count() eventsChecked!: number;
  @Count() regularizationsChecked!: number;
  @ListOf(() => AuditFailure) failures!: AuditFailure[];
}
