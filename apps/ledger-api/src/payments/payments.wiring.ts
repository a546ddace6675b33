import type { Provider } from '@nestjs/common';
import { RecordBankAccountHandler, RecordSubrogationHandler } from '../commands/handlers/payee.handlers';
import { PayeesController } from '../commands/payees.controller';
import { GetPaymentRunFileHandler, GetPaymentRunHandler, StartPaymentRunHandler } from './payment-run.handlers';
import { PaymentRunRunner } from './payment-run-runner';
import { PaymentRunsController } from './payment-runs.controller';

/** Issue #12 (payees, subrogation, payment runs, statements): its controllers, and the providers AppModule adds for them. */
export const PAYMENT_CONTROLLERS = [PayeesController, PaymentRunsController];

export function paymentProviders(): Provider[] {
  return [RecordBankAccountHandler, RecordSubrogationHandler, PaymentRunRunner, StartPaymentRunHandler, GetPaymentRunHandler, GetPaymentRunFileHandler];
}
