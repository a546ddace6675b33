import { create } from 'xmlbuilder2';
import { amountText, reasonLine } from './amount-text';
import { isoDateTime } from './dates';

export interface Pain002Input {
  messageId: string;
  /** YYYY-MM-DD (written as midnight) or an ISO date-time: the rejections' bookedOn when read back. */
  createdOn: string;
  /** The MsgId of the pain.001 the bank answers (also written as its OrgnlPmtInfId). */
  originalMessageId: string;
  rejections: { endToEndId: string; amountCents: number; reasonCode: string; reasonText?: string }[];
}

const NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.002.001.11';

/**
 * A pain.002.001.11 status report rejecting some transfers of a pain.001.001.03, as the fund's bank
 * would send it: one TxInfAndSts per rejection (TxSts RJCT, StsRsnInf reason, original instructed
 * amount). The original payment information id is not known here: the original message id stands for it.
 */
export function pain002Document(input: Pain002Input): string {
  const report = create({ version: '1.0', encoding: 'UTF-8' }).ele(NAMESPACE, 'Document').ele('CstmrPmtStsRpt');
  const header = report.ele('GrpHdr');
  header.ele('MsgId').txt(input.messageId);
  header.ele('CreDtTm').txt(isoDateTime(input.createdOn));
  const group = report.ele('OrgnlGrpInfAndSts');
  group.ele('OrgnlMsgId').txt(input.originalMessageId);
  group.ele('OrgnlMsgNmId').txt('pain.001.001.03');
  if (input.rejections.length === 0) return report.end({ prettyPrint: true });
  const block = report.ele('OrgnlPmtInfAndSts');
  block.ele('OrgnlPmtInfId').txt(input.originalMessageId);
  for (const rejection of input.rejections) {
    const transaction = block.ele('TxInfAndSts');
    transaction.ele('OrgnlEndToEndId').txt(rejection.endToEndId);
    transaction.ele('TxSts').txt('RJCT');
    const reason = transaction.ele('StsRsnInf');
    reason.ele('Rsn').ele('Cd').txt(rejection.reasonCode);
    if (rejection.reasonText !== undefined) reason.ele('AddtlInf').txt(reasonLine(rejection.reasonText, rejection.endToEndId));
    transaction.ele('OrgnlTxRef').ele('Amt').ele('InstdAmt', { Ccy: 'EUR' }).txt(amountText(rejection.amountCents, rejection.endToEndId));
  }
  return report.end({ prettyPrint: true });
}
