import { Module } from '@nestjs/common';
import { ApplyBankReportHandler } from './handlers/bank-report.handlers';
import { BankReportsController } from './bank-reports.controller';

/** Bank reports: camt.054 and pain.002 confirming or returning transfers. */
@Module({ controllers: [BankReportsController], providers: [ApplyBankReportHandler] })
export class BankReportsModule {}
