import { centsOf } from './amount';
import { dayOf } from './dates';
import type { Problems } from './invalid-bank-report';
import type { BankReport, BankReportEntry } from './report';
import { type XmlNode, child, children, joinedTexts, textOf } from './xml-tree';

const ROOT = '/Document/CstmrPmtStsRpt';

/** Statuses that say what became of the money; every other one (RCVD, ACTC, ACCP, ACSP, ACWC, PDNG, PART…) is a step on the way: not reported. */
const OUTCOMES: Record<string, BankReportEntry['outcome']> = { RJCT: 'REJECTED', ACSC: 'SETTLED' };

/**
 * The transfers a pain.002.001.11 (the bank's status report on the fund's pain.001) rejects or settles.
 * Each OrgnlPmtInfAndSts/TxInfAndSts is one transfer, by OrgnlEndToEndId; its status is its TxSts, else
 * its payment information's PmtInfSts, else the group's GrpSts. RJCT → REJECTED, ACSC (settlement of the
 * debtor's account completed) → SETTLED; a rejection's reason is the first StsRsnInf (the transaction's, else the
 * payment information's, else the group's): Rsn/Cd (or Prtry) and its AddtlInf lines. The amount is
 * the original OrgnlTxRef/Amt/InstdAmt (or IntrBkSttlmAmt): required, a rejection is never guessed.
 * bookedOn: AccptncDtTm's date, else the report's GrpHdr/CreDtTm date.
 * A rejection of a whole group or payment information without its transactions cannot name the
 * transfers: the report is refused (the bank can send the transaction statuses).
 */
export function pain002Report(document: XmlNode, problems: Problems): BankReport {
  const report = child(child(document, 'Document'), 'CstmrPmtStsRpt');
  const header = child(report, 'GrpHdr');
  const messageId = textOf(header, 'MsgId') ?? problems.add(`${ROOT}/GrpHdr/MsgId`, 'message id missing') ?? '';
  const createdOn = dayOf(textOf(header, 'CreDtTm'));
  const group = child(report, 'OrgnlGrpInfAndSts');
  const groupStatus = textOf(group, 'GrpSts');
  const blocks = children(report, 'OrgnlPmtInfAndSts');
  if (blocks.length === 0 && groupStatus === 'RJCT') {
    problems.add(`${ROOT}/OrgnlGrpInfAndSts/GrpSts`, 'the whole group is rejected without transaction statuses: the transfers cannot be named');
  }
  const entries = blocks.flatMap((block, b) => {
    const at = `${ROOT}/OrgnlPmtInfAndSts[${b + 1}]`;
    const blockStatus = textOf(block, 'PmtInfSts') ?? groupStatus;
    const transactions = children(block, 'TxInfAndSts');
    if (transactions.length === 0 && blockStatus === 'RJCT') {
      problems.add(`${at}/PmtInfSts`, 'payment information rejected without transaction statuses: the transfers cannot be named');
    }
    const inherited = child(block, 'StsRsnInf') ?? child(group, 'StsRsnInf');
    return transactions.flatMap((transaction, t) =>
      transfer(transaction, { at: `${at}/TxInfAndSts[${t + 1}]`, status: blockStatus, inherited, createdOn }, problems),
    );
  });
  return { messageId, kind: 'pain.002', entries };
}

interface Context {
  at: string;
  status: string | undefined;
  inherited: XmlNode | undefined;
  createdOn: string | undefined;
}

function transfer(transaction: XmlNode, context: Context, problems: Problems): BankReportEntry[] {
  const outcome = OUTCOMES[textOf(transaction, 'TxSts') ?? context.status ?? ''];
  if (outcome === undefined) return [];
  const { at } = context;
  const endToEndId = textOf(transaction, 'OrgnlEndToEndId') ?? problems.add(`${at}/OrgnlEndToEndId`, 'original EndToEndId missing: the transfer cannot be named');
  const reference = child(transaction, 'OrgnlTxRef');
  const instructed = child(child(reference, 'Amt'), 'InstdAmt');
  const settled = child(reference, 'IntrBkSttlmAmt');
  const amount: [XmlNode | undefined, string] =
    instructed === undefined && settled !== undefined ? [settled, `${at}/OrgnlTxRef/IntrBkSttlmAmt`] : [instructed, `${at}/OrgnlTxRef/Amt/InstdAmt`];
  const amountCents = centsOf(...amount, problems);
  const bookedOn = dayOf(textOf(transaction, 'AccptncDtTm')) ?? context.createdOn;
  if (endToEndId === undefined || amountCents === undefined || bookedOn === undefined) return [];
  const entry: BankReportEntry = { endToEndId, outcome, amountCents, bookedOn };
  if (outcome !== 'REJECTED') return [entry];
  const reason = child(transaction, 'StsRsnInf') ?? context.inherited;
  const reasonCode = textOf(child(reason, 'Rsn'), 'Cd') ?? textOf(child(reason, 'Rsn'), 'Prtry');
  const reasonText = joinedTexts(reason, 'AddtlInf');
  if (reasonCode !== undefined) entry.reasonCode = reasonCode;
  if (reasonText !== undefined) entry.reasonText = reasonText;
  return [entry];
}
