import { centsOf } from './amount';
import { dayOfChoice } from './dates';
import type { Problems } from './invalid-bank-report';
import type { BankReport, BankReportEntry } from './report';
import { type XmlNode, child, children, joinedTexts, textOf } from './xml-tree';

const ROOT = '/Document/BkToCstmrDbtCdtNtfctn';

/**
 * The transfers a camt.054.001.08 (debit/credit notification on the fund's account) settles or returns.
 * Only booked entries count (Sts/Cd BOOK); pending or information entries moved no money yet. Each
 * Ntry/NtryDtls/TxDtls with a Refs/EndToEndId is one transfer:
 * - return information (RtrInf) present → RETURNED, reason from RtrInf/Rsn/Cd (or Prtry) and AddtlInf;
 * - otherwise a debit of the fund's account (CdtDbtInd DBIT, the transaction's or else the entry's) → SETTLED;
 * - a credit coded as a returned credit transfer (BkTxCd …/SubFmlyCd RRTN) without RtrInf → RETURNED, no reason;
 * - any other credit is money received, not a transfer of the fund: not reported.
 * Transactions without an EndToEndId (or the SEPA placeholder NOTPROVIDED) cannot be matched and are not reported.
 * Amount: the transaction's Amt, else AmtDtls/TxAmt, else AmtDtls/InstdAmt, else the entry's Amt when the
 * entry holds that one transaction only. Booking day: the entry's BookgDt (Dt, or the date of DtTm).
 */
export function camt054Report(document: XmlNode, problems: Problems): BankReport {
  const message = child(child(document, 'Document'), 'BkToCstmrDbtCdtNtfctn');
  const messageId = textOf(child(message, 'GrpHdr'), 'MsgId') ?? problems.add(`${ROOT}/GrpHdr/MsgId`, 'message id missing') ?? '';
  const entries = children(message, 'Ntfctn').flatMap((notification, n) =>
    children(notification, 'Ntry').flatMap((entry, e) => entryTransfers(entry, `${ROOT}/Ntfctn[${n + 1}]/Ntry[${e + 1}]`, problems)),
  );
  return { messageId, kind: 'camt.054', entries };
}

function entryTransfers(entry: XmlNode, at: string, problems: Problems): BankReportEntry[] {
  const status = child(entry, 'Sts');
  if ((textOf(status, 'Cd') ?? textOf(status, 'Prtry')) !== 'BOOK') return [];
  const transactions = children(entry, 'NtryDtls').flatMap((details, d) =>
    children(details, 'TxDtls').map((transaction, t) => ({ transaction, at: `${at}/NtryDtls[${d + 1}]/TxDtls[${t + 1}]` })),
  );
  const matched = transactions.filter(({ transaction }) => isMatchable(textOf(child(transaction, 'Refs'), 'EndToEndId')));
  if (matched.length === 0) return [];
  const bookedOn = dayOfChoice(child(entry, 'BookgDt'), `${at}/BookgDt`, problems);
  return matched.flatMap(({ transaction, at: transactionAt }) => {
    const outcome = outcomeOf(entry, transaction);
    if (outcome === undefined) return [];
    const amountCents = centsOf(...amountOf(entry, transaction, transactions.length === 1, transactionAt), problems);
    if (amountCents === undefined || bookedOn === undefined) return [];
    const transfer: BankReportEntry = { endToEndId: textOf(child(transaction, 'Refs'), 'EndToEndId') ?? '', outcome, amountCents, bookedOn };
    const returned = child(transaction, 'RtrInf');
    const reasonCode = textOf(child(returned, 'Rsn'), 'Cd') ?? textOf(child(returned, 'Rsn'), 'Prtry');
    const reasonText = joinedTexts(returned, 'AddtlInf');
    if (reasonCode !== undefined) transfer.reasonCode = reasonCode;
    if (reasonText !== undefined) transfer.reasonText = reasonText;
    return [transfer];
  });
}

function isMatchable(endToEndId: string | undefined): endToEndId is string {
  return endToEndId !== undefined && endToEndId !== '' && endToEndId !== 'NOTPROVIDED';
}

function outcomeOf(entry: XmlNode, transaction: XmlNode): BankReportEntry['outcome'] | undefined {
  if (child(transaction, 'RtrInf') !== undefined) return 'RETURNED';
  const direction = textOf(transaction, 'CdtDbtInd') ?? textOf(entry, 'CdtDbtInd');
  if (direction === 'DBIT') return 'SETTLED';
  const subFamily = (node: XmlNode) => textOf(child(child(child(node, 'BkTxCd'), 'Domn'), 'Fmly'), 'SubFmlyCd');
  return (subFamily(transaction) ?? subFamily(entry)) === 'RRTN' ? 'RETURNED' : undefined;
}

function amountOf(entry: XmlNode, transaction: XmlNode, alone: boolean, at: string): [XmlNode | undefined, string] {
  const details = child(transaction, 'AmtDtls');
  const candidates: [XmlNode | undefined, string][] = [
    [child(transaction, 'Amt'), `${at}/Amt`],
    [child(child(details, 'TxAmt'), 'Amt'), `${at}/AmtDtls/TxAmt/Amt`],
    [child(child(details, 'InstdAmt'), 'Amt'), `${at}/AmtDtls/InstdAmt/Amt`],
  ];
  if (alone) candidates.push([child(entry, 'Amt'), `${at.replace(/\/NtryDtls\[\d+\]\/TxDtls\[\d+\]$/u, '')}/Amt`]);
  return candidates.find(([element]) => element !== undefined) ?? [undefined, `${at}/Amt`];
}
