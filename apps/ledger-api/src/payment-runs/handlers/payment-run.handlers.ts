import { Inject } from '@nestjs/common';
import { CommandHandler, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ReadModelStore } from '@ij/projections';
import { assertBankFile, type PaymentRunRecord, PaymentRunRunner, READ_MODELS, writeBankFile } from '@ij/application';
import { GetPaymentRunFileQuery, GetPaymentRunQuery, StartPaymentRunCommand } from '../payment-runs.messages';
import type { PaymentRunStarted } from '../dto/payment-run.answers';

export { debtorFrom } from '@ij/application';

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

  async execute({ runId }: GetPaymentRunQuery): Promise<Omit<PaymentRunRecord, 'legacyPayments'>> {
    const { legacyPayments: _payments, ...record } = await this.runner.get(runId);
    return record;
  }
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
