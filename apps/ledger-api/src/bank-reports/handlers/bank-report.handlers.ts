import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ReadModelStore } from '@ij/projections';
import { applyBankReport, type BankReportOutcome, InvalidBankReport, parseBankReport, PolicyholderLedger, READ_MODELS } from '@ij/application';
import { ValidationFailed } from '../../http/problem';
import { ApplyBankReportCommand } from '../bank-reports.messages';

@CommandHandler(ApplyBankReportCommand)
export class ApplyBankReportHandler implements ICommandHandler<ApplyBankReportCommand> {
  constructor(
    private readonly ledger: PolicyholderLedger,
    @Inject(READ_MODELS) private readonly readModels: ReadModelStore,
  ) {}

  async execute({ xml, actor }: ApplyBankReportCommand): Promise<BankReportOutcome> {
    let report;
    try {
      report = await parseBankReport(xml);
    } catch (error) {
      if (error instanceof InvalidBankReport) throw new ValidationFailed(error.problems, 'The bank report is not a valid camt.054 or pain.002 document: see errors.');
      throw error;
    }
    return applyBankReport(report, this.ledger, this.readModels, actor);
  }
}
