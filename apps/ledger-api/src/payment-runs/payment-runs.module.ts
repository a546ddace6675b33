import { Module } from '@nestjs/common';
import { PaymentRunRunner } from '@ij/application';
import { GetPaymentRunFileHandler, GetPaymentRunHandler, StartPaymentRunHandler } from './handlers/payment-run.handlers';
import { PaymentRunsController } from './payment-runs.controller';

/** Payment runs: start one, follow it, download its pain.001. */
@Module({
  controllers: [PaymentRunsController],
  providers: [PaymentRunRunner, StartPaymentRunHandler, GetPaymentRunHandler, GetPaymentRunFileHandler],
  exports: [PaymentRunRunner],
})
export class PaymentRunsModule {}
