import { Inject } from '@nestjs/common';
import { CommandHandler, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ReadModelStore } from '@ij/projections';
import { assertBankFile, PaymentRunRunner, READ_MODELS, writeBankFile } from '@ij/application';
import { GetPaymentRunFileQuery, GetPaymentRunQuery, StartPaymentRunCommand, type PaymentRunView } from '../payment-runs.messages';
import type { PaymentRunStarted } from '../dto/payment-run.answers';
import { ValidationFailed } from '../../http/problem';

@CommandHandler(StartPaymentRunCommand)
export class StartPaymentRunHandler implements ICommandHandler<StartPaymentRunCommand> {
  constructor(private readonly runner: PaymentRunRunner) {}

  async execute({ body, context }: StartPaymentRunCommand): Promise<PaymentRunStarted> {
    return { runId: await this.runner.start(body.through, context.actor.actorId) };
  }
}

/** The run's status and figures; the transfers themselves are in the bank file. */
@QueryHandler(GetPaymentRunQuery)
export class GetPaymentRunHandler implements IQueryHandler<GetPaymentRunQuery> {
  constructor(private readonly runner: PaymentRunRunner) {}

  async execute({ runId, skippedPage }: GetPaymentRunQuery): Promise<PaymentRunView> {
    const { legacyPayments: _payments, skipped, ...record } = await this.runner.get(runId);
    if (skipped === undefined) return record;
    const from = skippedPage.after === undefined ? 0 : skippedOffset(skippedPage.after, skipped.length);
    const next = from + skippedPage.limit < skipped.length ? String(from + skippedPage.limit) : undefined;
    return { ...record, skipped: skipped.slice(from, from + skippedPage.limit), skippedCount: skipped.length, ...(next ? { skippedNext: next } : {}) };
  }
}

/** The place a `skippedNext` names: a whole number within the list (the list of a done run never changes). */
function skippedOffset(after: string, length: number): number {
  if (!/^(?:0|[1-9]\d{0,8})$/u.test(after) || Number(after) > length) {
    throw new ValidationFailed([{ field: 'after', message: 'after must be the skippedNext of a previous page' }]);
  }
  return Number(after);
}

/** Answers the writer of the run's bank file, once it is known to exist (so a refusal comes before any byte). */
@QueryHandler(GetPaymentRunFileQuery)
export class GetPaymentRunFileHandler implements IQueryHandler<GetPaymentRunFileQuery> {
  constructor(
    private readonly runner: PaymentRunRunner,
    @Inject(READ_MODELS) private readonly readModels: ReadModelStore,
  ) {}

  async execute({ runId }: GetPaymentRunFileQuery): Promise<(write: (chunk: string) => Promise<void> | void) => Promise<void>> {
    const run = await this.runner.get(runId);
    assertBankFile(run);
    return (write) => writeBankFile(run, this.readModels, write);
  }
}
