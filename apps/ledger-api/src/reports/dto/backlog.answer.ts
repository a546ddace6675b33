import { AGE_BUCKETS, BACKLOG_REASONS, type AgeBucket, type BacklogReason, type BacklogRow as BacklogRowModel, type BacklogTotal as BacklogTotalModel, type RegularizationBacklogPage } from '@ij/projections';
import { STOPPAGE_KINDS, type StoppageKind } from '@ij/rules';
import { type EveryField, Cents, Count, Day, ListOf, ObjectOf, OneOf, Text, Uuid } from '../../http/openapi/properties';

export class BacklogRow implements EveryField<BacklogRowModel> {
  @Text() policyholderId!: string;
  @Uuid() stoppageId!: string;
  @OneOf(STOPPAGE_KINDS) kind!: StoppageKind;
  @OneOf(BACKLOG_REASONS) reason!: BacklogReason;
  @Cents() amountCents!: number;
  @Count() ageDays!: number;
  @OneOf(AGE_BUCKETS) ageBucket!: AgeBucket;
  @Day({ description: 'the oldest unsettled fact: the age is counted from it' }) since!: string;
}

export class BacklogTotal implements EveryField<BacklogTotalModel> {
  @Count() count!: number;
  @Cents() amountCents!: number;
}

export class BacklogByReason extends BacklogTotal {
  @OneOf(BACKLOG_REASONS) reason!: BacklogReason;
}

export class BacklogByKind extends BacklogTotal {
  @OneOf(STOPPAGE_KINDS) kind!: StoppageKind;
}

export class BacklogByAgeBucket extends BacklogTotal {
  @OneOf(AGE_BUCKETS) ageBucket!: AgeBucket;
}

/** GET /v1/reports/regularization-backlog: every unsettled stoppage with its one reason, and the totals. */
export class Backlog implements EveryField<RegularizationBacklogPage> {
  @Day() through!: string;
  @Text() rulesVersion!: string;
  @ObjectOf(() => BacklogTotal) totals!: BacklogTotal;
  @ListOf(() => BacklogByReason) byReason!: BacklogByReason[];
  @ListOf(() => BacklogByKind) byKind!: BacklogByKind[];
  @ListOf(() => BacklogByAgeBucket, { description: 'days: 0–14, 15–30, 31–60, 61–90, >90' }) byAgeBucket!: BacklogByAgeBucket[];
  @ListOf(() => BacklogRow, { description: 'one page of the rows, in order: by reason, the oldest first, then by stoppage id' }) rows!: BacklogRow[];
  @Text({ optional: true, description: 'the `after` of the next page, when more rows follow' }) next!: string | undefined;
}
