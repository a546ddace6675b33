/**
 * ISO 20022 bank reports for the fund's transfers: `parseBankReport` reads a camt.054.001.08 notification
 * (SETTLED, RETURNED) or a pain.002.001.11 status report (REJECTED; ACSC as SETTLED), validated against the
 * official schemas in libs/bank-files/schemas; `camt054Document` and `pain002Document` write them (tests, demos).
 * The mapping rules are documented on camt054Report and pain002Report.
 */
export type { BankReport, BankReportEntry } from './report';
export { parseBankReport } from './parse-bank-report';
export { InvalidBankReport, type BankReportProblem } from './invalid-bank-report';
export { camt054Document, type Camt054Input } from './camt054-document';
export { pain002Document, type Pain002Input } from './pain002-document';
export { MAX_REPORT_BYTES } from './validate-document';
