export type { BankReport, BankReportEntry } from './report';
export { parseBankReport } from './parse-bank-report';
export { InvalidBankReport, type BankReportProblem } from './invalid-bank-report';
export { camt054Document, type Camt054Input } from './camt054-document';
export { pain002Document, type Pain002Input } from './pain002-document';
export { MAX_REPORT_BYTES } from './validate-document';
