import {
  BLOCKING_REASONS,
  DELAY_BUCKETS,
  type BlockedBy as BlockedByModel,
  type BlockingReason,
  type DelayBucket,
  type DelayFigures as DelayFiguresModel,
  type EmployerReminder as EmployerReminderModel,
  type MissingCertificate as MissingCertificateModel,
  type MissingCertificatesReport as MissingCertificatesReportModel,
  type PolicyholderStatus as PolicyholderStatusModel,
  type StatusCode,
  type StatusMessage as StatusMessageModel,
  type StoppageStatus as StoppageStatusModel,
  type TimelinessReport as TimelinessReportModel,
  type UnpaidReason,
  type UnpaidStoppage as UnpaidStoppageModel,
  type WaitingFor,
} from '@ij/projections';
import { STOPPAGE_KINDS, type StoppageKind } from '@ij/rules';
import { type EveryField, Count, Day, Flag, Cents, Integer, ListOf, Months, ObjectOf, OneOf, Text, Uuid, valuesOf } from '../../http/openapi/properties';

const REASONS = Object.keys(BLOCKING_REASONS) as BlockingReason[];
const WAITING_FOR = valuesOf<WaitingFor>({ EMPLOYER: true, FUND: true, BANK: true, POLICYHOLDER: true });
const STATUS_CODES = [...REASONS, ...valuesOf<Exclude<StatusCode, BlockingReason>>({ PAID_UP: true, PAYMENT_PLANNED: true, NOT_STARTED: true, ANNULLED: true })];
const UNPAID_REASONS: UnpaidReason[] = [...REASONS, 'AWAITING_PAYMENT_RUN'];

export class BlockedBy implements EveryField<BlockedByModel> {
  @OneOf(REASONS) reason!: BlockingReason;
  @Day() since!: string;
  @OneOf(WAITING_FOR, { description: 'who must act for the money to move' }) waitingFor!: WaitingFor;
  @Months({ optional: true }) missingMonths!: string[] | undefined;
  @Text({ optional: true }) returnReasonCode!: string | undefined;
  @Text({ optional: true }) returnReasonText!: string | undefined;
}

export class StatusMessage implements EveryField<StatusMessageModel> {
  @OneOf(STATUS_CODES) code!: StatusCode;
  @Text({ description: 'the sentence a clerk reads out (French)' }) text!: string;
}

export class StoppageStatus implements EveryField<StoppageStatusModel> {
  @Uuid() stoppageId!: string;
  @OneOf(STOPPAGE_KINDS) kind!: StoppageKind;
  @Day() startDate!: string;
  @Day({ description: 'the early end, else the prescribed end' }) endDate!: string;
  @Day({ nullable: true, description: 'the last day whose money has left the fund (null: none yet)' }) paidThrough!: string | null;
  @Cents({ description: 'due through today and not yet gone; 0 while the certificate is missing' }) pendingCents!: number;
  @Flag({ description: 'false while the certificate is missing: nothing can be computed' }) pendingKnown!: boolean;
  @Day({ optional: true, description: 'the next planned payment run, when it will pay this stoppage' }) nextPaymentOn!: string | undefined;
  @ObjectOf(() => BlockedBy, { optional: true }) blockedBy!: BlockedBy | undefined;
  @Count() daysWithoutIncome!: number;
  @ObjectOf(() => StatusMessage) message!: StatusMessage;
}

/** GET /v1/policyholders/{policyholderId}/status: what a clerk reads out on the phone. */
export class PolicyholderStatus implements EveryField<PolicyholderStatusModel> {
  @Text() policyholderId!: string;
  @Day() asOf!: string;
  @Text() rulesVersion!: string;
  @Count({ description: 'days up to today not covered by money that left, over all the stoppages (a day counts once)' }) daysWithoutIncome!: number;
  @ListOf(() => StoppageStatus) stoppages!: StoppageStatus[];
}

export class DelayFigures implements EveryField<DelayFiguresModel> {
  @Count() days!: number;
  @Integer({ nullable: true, description: 'nearest-rank percentile, in days; null with no day' }) p50!: number | null;
  @Integer({ nullable: true }) p90!: number | null;
  @Integer({ nullable: true }) max!: number | null;
}

export class KindDelays extends DelayFigures implements EveryField<TimelinessReportModel['byKind'][number]> {
  @OneOf(STOPPAGE_KINDS) kind!: StoppageKind;
}

export class WeekDelays extends DelayFigures implements EveryField<TimelinessReportModel['byWeek'][number]> {
  @Day({ description: 'the Monday of the payable days' }) weekOf!: string;
  @Count() waitingDays!: number;
}

export class Waiting implements EveryField<TimelinessReportModel['waiting']> {
  @Count() days!: number;
  @Integer({ nullable: true }) longestDays!: number | null;
}

export class DelayBucketDays implements EveryField<TimelinessReportModel['distribution'][number]> {
  @OneOf(DELAY_BUCKETS) bucket!: DelayBucket;
  @Count() days!: number;
}

export class UnpaidByReason implements EveryField<TimelinessReportModel['unpaidAfter30Days']['byReason'][number]> {
  @OneOf(UNPAID_REASONS) reason!: UnpaidReason;
  @OneOf(WAITING_FOR) waitingFor!: WaitingFor;
  @Count() stoppages!: number;
  @Count() policyholders!: number;
}

export class UnpaidStoppage implements EveryField<UnpaidStoppageModel> {
  @Text() policyholderId!: string;
  @Uuid() stoppageId!: string;
  @OneOf(STOPPAGE_KINDS) kind!: StoppageKind;
  @Day() startDate!: string;
  @Count() daysSinceStart!: number;
  @OneOf(UNPAID_REASONS) reason!: UnpaidReason;
  @OneOf(WAITING_FOR) waitingFor!: WaitingFor;
  @Day({ optional: true }) since!: string | undefined;
}

export class UnpaidAfter30Days implements EveryField<TimelinessReportModel['unpaidAfter30Days']> {
  @Count() stoppages!: number;
  @Count() policyholders!: number;
  @ListOf(() => UnpaidByReason) byReason!: UnpaidByReason[];
  @ListOf(() => UnpaidStoppage) rows!: UnpaidStoppage[];
}

/** GET /v1/reports/timeliness: delays from each payable day of the window to the export of its money. */
export class Timeliness implements EveryField<TimelinessReportModel> {
  @Day() from!: string;
  @Day() to!: string;
  @Day() asOf!: string;
  @Text() rulesVersion!: string;
  @Count() payableDays!: number;
  @ObjectOf(() => DelayFigures) delays!: DelayFigures;
  @ListOf(() => KindDelays) byKind!: KindDelays[];
  @ObjectOf(() => Waiting) waiting!: Waiting;
  @ListOf(() => DelayBucketDays) distribution!: DelayBucketDays[];
  @ListOf(() => WeekDelays) byWeek!: WeekDelays[];
  @ObjectOf(() => UnpaidAfter30Days, { description: 'stoppages of the window started 30 days or more before asOf with no money left for them yet' }) unpaidAfter30Days!: UnpaidAfter30Days;
}

export class MissingCertificate implements EveryField<MissingCertificateModel> {
  @Text({ nullable: true, description: "the employer's SIRET given at opening (else the subrogated employer's id); null when unknown" }) employerId!: string | null;
  @Text() policyholderId!: string;
  @Uuid() stoppageId!: string;
  @OneOf(STOPPAGE_KINDS) kind!: StoppageKind;
  @Day() startDate!: string;
  @Day() endDate!: string;
  @Months() missingMonths!: string[];
  @Count() waitingDays!: number;
}

export class EmployerReminder implements EveryField<EmployerReminderModel> {
  @Text({ nullable: true }) employerId!: string | null;
  @ListOf(() => MissingCertificate) stoppages!: MissingCertificate[];
  @Count() oldestWaitingDays!: number;
}

export class MissingCertificatesTotals implements EveryField<MissingCertificatesReportModel['totals']> {
  @Count() employers!: number;
  @Count() stoppages!: number;
}

/** GET /v1/reports/missing-certificates: every stoppage whose salary certificate the rules still miss, by employer. */
export class MissingCertificates implements EveryField<MissingCertificatesReportModel> {
  @Day() asOf!: string;
  @Count() olderThanDays!: number;
  @Text() rulesVersion!: string;
  @ObjectOf(() => MissingCertificatesTotals) totals!: MissingCertificatesTotals;
  @ListOf(() => EmployerReminder, { description: 'by their oldest wait, longest first; the stoppages without a known employer last' }) employers!: EmployerReminder[];
}
