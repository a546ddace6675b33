import { camt054Report } from './camt054-report';
import { Problems } from './invalid-bank-report';
import { pain002Report } from './pain002-report';
import type { BankReport } from './report';
import { validateBankReport } from './validate-document';
import { parseXmlTree } from './xml-tree';

/**
 * Reads an ISO 20022 bank report: a camt.054.001.08 notification (transfers booked or returned) or a
 * pain.002.001.11 status report (transfers rejected). The document is checked first (size, no DOCTYPE,
 * well formed, known namespace, valid against the official schema), then read; any problem refuses the
 * whole document with an InvalidBankReport listing every problem found. Nothing is guessed.
 */
export async function parseBankReport(xml: string): Promise<BankReport> {
  const kind = await validateBankReport(xml);
  const tree = parseXmlTree(xml);
  const problems = new Problems();
  const report = kind === 'camt.054' ? camt054Report(tree, problems) : pain002Report(tree, problems);
  problems.throwIfAny();
  return report;
}
