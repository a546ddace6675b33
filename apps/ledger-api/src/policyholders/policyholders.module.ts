import { Module } from '@nestjs/common';
import { ConfirmBankAccountHandler, RecordBankAccountHandler, RecordSubrogationHandler } from './handlers/payee.handlers';
import { FindPolicyholderHandler, GetBalanceHandler, GetHistoryHandler, GetStatementHandler } from './handlers/policyholder-queries.handlers';
import { PayeesController } from './payees.controller';
import { PolicyholdersController } from './policyholders.controller';

/** Policyholders: lookup, balance, history, statement, status; their payees (bank accounts, subrogation). */
@Module({
  controllers: [PolicyholdersController, PayeesController],
  providers: [FindPolicyholderHandler, GetBalanceHandler, GetHistoryHandler, GetStatementHandler, RecordBankAccountHandler, ConfirmBankAccountHandler, RecordSubrogationHandler],
})
export class PolicyholdersModule {}
