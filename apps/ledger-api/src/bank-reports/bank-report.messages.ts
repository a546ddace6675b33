import type { Actor } from '../auth/api-keys';

export class ApplyBankReportCommand {
  constructor(readonly xml: string, readonly actor: Actor) {}
}
