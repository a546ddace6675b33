import type { CommandContext } from '@ij/application';
import type { RecordBankAccountBody, RecordSubrogationBody } from './dto/payee-commands.body';

export class RecordBankAccountCommand {
  constructor(readonly policyholderId: string, readonly body: RecordBankAccountBody, readonly context: CommandContext) {}
}

export class RecordSubrogationCommand {
  constructor(readonly stoppageId: string, readonly body: RecordSubrogationBody, readonly context: CommandContext) {}
}

export class ConfirmBankAccountCommand {
  constructor(readonly policyholderId: string, readonly context: CommandContext) {}
}
