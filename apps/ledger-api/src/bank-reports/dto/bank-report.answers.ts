import { type EveryField, Count, Text, Texts } from '../../http/openapi/properties';
import type { BankReportOutcome as BankReportOutcomeModel } from '@ij/application';

/** POST /v1/bank-reports: what a camt.054 or pain.002 changed. */
export class BankReportOutcome implements EveryField<BankReportOutcomeModel> {
  @Text({ description: "the report's MsgId" }) messageId!: string;
  @Count({ description: 'transfers this report settled' }) settled!: number;
  @Count({ description: 'transfers this report returned (camt.054 returns and pain.002 rejections: never paid)' }) returned!: number;
  @Texts({ description: 'EndToEndIds the ledger has no exported transfer for, or whose amount differs: reported, never guessed' }) unknown!: string[];
  @Count({ description: 'entries about transfers already resolved (this report again, or an earlier one)' }) alreadyApplied!: number;
}
