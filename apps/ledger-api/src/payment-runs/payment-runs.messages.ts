import type { CommandContext } from '@ij/application';
import type { StartPaymentRunBody } from './dto/payment-run.body';

export class StartPaymentRunCommand {
  constructor(readonly body: StartPaymentRunBody, readonly context: CommandContext) {}
}

export class GetPaymentRunQuery {
  constructor(readonly runId: string) {}
}

export class GetPaymentRunFileQuery {
  constructor(readonly runId: string) {}
}
