import type { Actor } from '@ij/application';

export class ApplyBankReportCommand {
  constructor(readonly xml: string, readonly actor: Actor) {}
}
