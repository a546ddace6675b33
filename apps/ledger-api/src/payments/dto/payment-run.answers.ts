import type { PaymentRunRecord, PaymentRunStatus } from '../payment-run-runner';
import type { SkipReason, SkippedStoppage as SkippedStoppageModel } from '../run-payments';
import { type EveryField, Cents, Count, Day, Instant, ListOf, OneOf, Text, Uuid, valuesOf } from '../../http/openapi/properties';

export class PaymentRunStarted {
  @Uuid({ description: 'derived from `through` alone: starting the same run again names the same run' }) runId!: string;
}

export class SkippedStoppage implements EveryField<SkippedStoppageModel> {
  @Text() policyholderId!: string;
  @Uuid() stoppageId!: string;
  @OneOf(valuesOf<SkipReason>({ MISSING_SALARY_CERTIFICATE: true, NO_BANK_ACCOUNT: true, BLOCKED: true, SETTLED_LATER: true })) reason!: SkipReason;
  @Text({ description: 'BLOCKED: the domain\'s code and detail' }) detail!: string;
}

/** GET /v1/payment-runs/{runId}: the run's status and figures (the payments themselves are in the bank file). */
export class PaymentRun implements EveryField<Omit<PaymentRunRecord, 'payments'>> {
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
  @ListOf(() => SkippedStoppage, { optional: true }) skipped!: SkippedStoppage[] | undefined;
}
