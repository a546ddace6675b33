import { create } from 'xmlbuilder2';
import { amountText, reasonLine } from './amount-text';
import { isoDateTime } from './dates';

export interface Camt054Input {
  messageId: string;
  /** YYYY-MM-DD (written as midnight) or an ISO date-time. */
  createdOn: string;
  entries: { endToEndId: string; amountCents: number; bookedOn: string; returned?: { reasonCode: string; reasonText?: string } }[];
}

const NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:camt.054.001.08';
/** The fund's account as the notification names it; readers never use it. */
const FUND_ACCOUNT = 'IJ-LEDGER-FUND';

/**
 * A camt.054.001.08 notification as the fund's bank would send it, one booked entry per transfer: a
 * SEPA credit transfer debited from the fund's account (DBIT, PMNT/ICDT/ESCT), or for `returned` the
 * return credited back (CRDT, PMNT/ICDT/RRTN) with its RtrInf reason. For tests and demonstrations.
 */
export function camt054Document(input: Camt054Input): string {
  const message = create({ version: '1.0', encoding: 'UTF-8' }).ele(NAMESPACE, 'Document').ele('BkToCstmrDbtCdtNtfctn');
  const header = message.ele('GrpHdr');
  header.ele('MsgId').txt(input.messageId);
  header.ele('CreDtTm').txt(isoDateTime(input.createdOn));
  const notification = message.ele('Ntfctn');
  notification.ele('Id').txt(input.messageId);
  notification.ele('CreDtTm').txt(isoDateTime(input.createdOn));
  const account = notification.ele('Acct');
  account.ele('Id').ele('Othr').ele('Id').txt(FUND_ACCOUNT);
  account.ele('Ccy').txt('EUR');
  for (const transfer of input.entries) {
    const amount = amountText(transfer.amountCents, transfer.endToEndId);
    const direction = transfer.returned ? 'CRDT' : 'DBIT';
    const entry = notification.ele('Ntry');
    entry.ele('Amt', { Ccy: 'EUR' }).txt(amount);
    entry.ele('CdtDbtInd').txt(direction);
    entry.ele('Sts').ele('Cd').txt('BOOK');
    entry.ele('BookgDt').ele('Dt').txt(transfer.bookedOn);
    const family = entry.ele('BkTxCd').ele('Domn');
    family.ele('Cd').txt('PMNT');
    family.ele('Fmly').ele('Cd').txt('ICDT').up().ele('SubFmlyCd').txt(transfer.returned ? 'RRTN' : 'ESCT');
    const transaction = entry.ele('NtryDtls').ele('TxDtls');
    transaction.ele('Refs').ele('EndToEndId').txt(transfer.endToEndId);
    transaction.ele('Amt', { Ccy: 'EUR' }).txt(amount);
    transaction.ele('CdtDbtInd').txt(direction);
    if (transfer.returned) {
      const reason = transaction.ele('RtrInf');
      reason.ele('Rsn').ele('Cd').txt(transfer.returned.reasonCode);
      if (transfer.returned.reasonText !== undefined) reason.ele('AddtlInf').txt(reasonLine(transfer.returned.reasonText, transfer.endToEndId));
    }
  }
  return message.end({ prettyPrint: true });
}
