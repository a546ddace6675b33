import type { CommandContext, PaymentRunRecord } from '@ij/application';
import type { StartPaymentRunBody } from './dto/payment-run.body';

export class StartPaymentRunCommand {
  constructor(readonly body: StartPaymentRunBody, readonly context: CommandContext) {}
}

/** A run as GET answers it: its skipped stoppages a page at a time (a national run may skip tens of thousands). */
export type PaymentRunView = Omit<PaymentRunRecord, 'legacyPayments'> & { skippedCount?: number; skippedNext?: string };

/** The run, with one page of its skipped stoppages (`after`: the `skippedNext` of the page before). */
export class GetPaymentRunQuery {
  constructor(readonly runId: string, readonly skippedPage: { after?: string; limit: number }) {}
}

export class GetPaymentRunFileQuery {
  constructor(readonly runId: string) {}
}
