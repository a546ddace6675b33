import type { PaymentRunStatus } from '@ij/application';
import type { PaymentRunView } from '../payment-runs.messages';
import type { ExportedTotals as ExportedTotalsModel, SkipReason, SkippedItem } from '@ij/ledger';
import { type EveryField, Cents, Count, Day, Instant, ListOf, ObjectOf, OneOf, Text, Uuid, valuesOf } from '../../http/openapi/properties';

export class PaymentRunStarted {
  @Uuid({ description: 'derived from `through` alone: starting the same run again names the same run' }) runId!: string;
}

export class SkippedStoppage implements EveryField<SkippedItem> {
  @Text() policyholderId!: string;
  @Uuid() stoppageId!: string;
  @Text({ optional: true, description: 'present when a transfer (rather than a regularization) was held back' }) transferId!: string | undefined;
  @OneOf(valuesOf<SkipReason>({ MISSING_SALARY_CERTIFICATE: true, NO_BANK_ACCOUNT: true, BANK_ACCOUNT_UNUSABLE: true, BANK_ACCOUNT_UNCONFIRMED: true, BLOCKED: true, SETTLED_LATER: true })) reason!: SkipReason;
  @Text({ description: 'BLOCKED: the domain\'s code and detail' }) detail!: string;
}

export class PayeeTotals {
  @Count() count!: number;
  @Cents() netCents!: number;
}

export class ExportedByPayee implements EveryField<ExportedTotalsModel['byPayee']> {
  @ObjectOf(() => PayeeTotals) POLICYHOLDER!: PayeeTotals;
  @ObjectOf(() => PayeeTotals) EMPLOYER!: PayeeTotals;
}

/** What the run's pain.001 carries, per payee type (each is one PmtInf block). */
export class ExportedTotals implements EveryField<ExportedTotalsModel> {
  @Count() count!: number;
  @Cents() netCents!: number;
  @ObjectOf(() => ExportedByPayee) byPayee!: ExportedByPayee;
}

/** GET /v1/payment-runs/{runId}: the run's status and figures (the payments themselves are in the bank file). */
export class PaymentRun implements EveryField<PaymentRunView> {
  @Uuid() runId!: string;
  @Day() through!: string;
  @OneOf(valuesOf<PaymentRunStatus>({ running: true, done: true, failed: true, interrupted: true })) status!: PaymentRunStatus;
  @Text() requestedBy!: string;
  @Instant() startedAt!: string;
  @Instant({ optional: true }) completedAt!: string | undefined;
  @Text({ optional: true, description: 'why it failed' }) reason!: string | undefined;
  @Text({ optional: true, description: 'the rules version the run regularized with (recorded when it completes)' }) rulesVersion!: string | undefined;
  @Count({ optional: true }) processed!: number | undefined;
  @Count({ optional: true }) total!: number | undefined;
  @Count({ optional: true, description: 'stoppages this run regularized' }) regularized!: number | undefined;
  @Count({ optional: true, description: 'transfers ordered' }) paidCount!: number | undefined;
  @Cents({ optional: true }) paidGrossCents!: number | undefined;
  @Cents({ optional: true, description: 'deducted for earlier overpayments' }) offsetCents!: number | undefined;
  @Cents({ optional: true, description: 'net transferred' }) paidCents!: number | undefined;
  @Count({ optional: true, description: 'returned transfers ordered again by this run' }) reordered!: number | undefined;
  @ObjectOf(() => ExportedTotals, { optional: true, description: 'what its pain.001 carries: every ORDERED transfer ordered on or before `through`, each once' }) exported!: ExportedTotals | undefined;
  @ListOf(() => SkippedStoppage, { optional: true, description: 'one page of the stoppages the run skipped, by policyholder (`?after=&limit=`)' }) skipped!: SkippedStoppage[] | undefined;
  @Count({ optional: true, description: 'every stoppage the run skipped' }) skippedCount!: number | undefined;
  @Text({ optional: true, description: 'the `after` of the next page of skipped stoppages, when more follow' }) skippedNext!: string | undefined;
}
