import type { Provider } from '@nestjs/common';
import { RecordBankAccountHandler, RecordSubrogationHandler } from '../commands/handlers/payee.handlers';
import { PayeesController } from '../commands/payees.controller';
import { GetPaymentRunFileHandler, GetPaymentRunHandler, StartPaymentRunHandler } from './payment-run.handlers';
import { PaymentRunRunner } from '@ij/application';
import { PaymentRunsController } from './payment-runs.controller';
import { ApplyBankReportHandler } from '../bank-reports/bank-report.handlers';
import { BankReportsController } from '../bank-reports/bank-reports.controller';
import { ConfirmBankAccountHandler } from '../commands/handlers/payee.handlers';
import { TransfersController } from '../transfers/transfers.controller';
import { TRANSFER_QUERY_HANDLERS } from '../transfers/transfer-queries.handlers';

/** Issues #12 and #17 (payees, subrogation, payment runs, transfers, bank reports): their controllers, and the providers AppModule adds for them. */
export const PAYMENT_CONTROLLERS = [PayeesController, PaymentRunsController, BankReportsController, TransfersController];

export function paymentProviders(): Provider[] {
  return [RecordBankAccountHandler, RecordSubrogationHandler, PaymentRunRunner, StartPaymentRunHandler, GetPaymentRunHandler, GetPaymentRunFileHandler, ApplyBankReportHandler, ConfirmBankAccountHandler, ...TRANSFER_QUERY_HANDLERS];
}
