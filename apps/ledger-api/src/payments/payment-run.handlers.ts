import { CommandHandler, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ProblemException } from '../http/problem';
import { bankTransfers, pain001, type Debtor } from './pain001';
import { GetPaymentRunFileQuery, GetPaymentRunQuery, StartPaymentRunCommand } from './payment-run.messages';
import { PaymentRunRunner, type PaymentRunRecord } from './payment-run-runner';
import type { PaymentRunStarted } from './dto/payment-run.answers';

/** The fund's own account, debited by the bank file (LEDGER_DEBTOR_NAME, LEDGER_DEBTOR_IBAN, LEDGER_DEBTOR_BIC). */
export function debtorFrom(environment: NodeJS.ProcessEnv = process.env): Debtor {
  return {
    name: environment.LEDGER_DEBTOR_NAME ?? 'Caisse primaire d assurance maladie',
    iban: environment.LEDGER_DEBTOR_IBAN ?? 'FR7610001000000000000000143',
    bic: environment.LEDGER_DEBTOR_BIC ?? 'BDFEFRPP',
  };
}

/** The bank file of a finished run (HTTP and `pay --out`): the run id is the message id. */
export function bankFileOf(run: PaymentRunRecord): string {
  if (run.status !== 'done' || !run.payments || !run.completedAt) {
    throw new ProblemException(409, 'payment-run-not-done', 'Payment run not done', `Payment run ${run.runId} is ${run.status}; its bank file exists once it is done.`, { runStatus: run.status });
  }
  if (bankTransfers(run.payments).length === 0) {
    throw new ProblemException(409, 'nothing-to-transfer', 'Nothing to transfer', `Payment run ${run.runId} moved no money: a pain.001 file needs at least one transfer.`);
  }
  return pain001({ messageId: run.runId.replace(/-/gu, ''), createdAt: run.completedAt.slice(0, 19), executionDate: run.completedAt.slice(0, 10), debtor: debtorFrom(), payments: run.payments });
}

@CommandHandler(StartPaymentRunCommand)
export class StartPaymentRunHandler implements ICommandHandler<StartPaymentRunCommand> {
  constructor(private readonly runner: PaymentRunRunner) {}

  async execute({ body, context }: StartPaymentRunCommand): Promise<PaymentRunStarted> {
    return { runId: await this.runner.start(body.through, context.actor.actorId) };
  }
}

/** The run's status and figures; the payments themselves are in the bank file. */
@QueryHandler(GetPaymentRunQuery)
export class GetPaymentRunHandler implements IQueryHandler<GetPaymentRunQuery> {
  constructor(private readonly runner: PaymentRunRunner) {}

  async execute({ runId }: GetPaymentRunQuery) {
    const { payments: _payments, ...record } = await this.runner.get(runId);
    return record;
  }
}

@QueryHandler(GetPaymentRunFileQuery)
export class GetPaymentRunFileHandler implements IQueryHandler<GetPaymentRunFileQuery> {
  constructor(private readonly runner: PaymentRunRunner) {}

  async execute({ runId }: GetPaymentRunFileQuery): Promise<string> {
    return bankFileOf(await this.runner.get(runId));
  }
}
