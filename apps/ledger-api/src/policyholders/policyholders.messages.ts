import type { CommandContext } from '@ij/application';
import type { RecordBankAccountBody, RecordSubrogationBody } from './dto/payee-commands.body';

/** The policyholders' messages on the CommandBus and QueryBus: lookups, balance, history, statement, status, and their payees. */
export class FindPolicyholderQuery {
  constructor(readonly nir: string) {}
}

export class GetBalanceQuery {
  constructor(readonly policyholderId: string, readonly through?: string) {}
}

export class GetHistoryQuery {
  constructor(readonly policyholderId: string) {}
}

export class GetStatementQuery {
  constructor(readonly policyholderId: string, readonly year: number) {}
}

export class GetPolicyholderStatusQuery {
  constructor(readonly policyholderId: string) {}
}

export class RecordBankAccountCommand {
  constructor(readonly policyholderId: string, readonly body: RecordBankAccountBody, readonly context: CommandContext) {}
}

export class RecordSubrogationCommand {
  constructor(readonly stoppageId: string, readonly body: RecordSubrogationBody, readonly context: CommandContext) {}
}

export class ConfirmBankAccountCommand {
  constructor(readonly policyholderId: string, readonly context: CommandContext) {}
}
