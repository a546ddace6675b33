// The bank-report reader (libs/bank-files), re-exported for the application layer shared by the API and the CLI.
export { camt054Document, InvalidBankReport, MAX_REPORT_BYTES, pain002Document, parseBankReport, type BankReport, type BankReportEntry } from '@ij/bank-files';
