/* eslint-disable @typescript-eslint/no-explicit-any -- a stand-in, deleted once @ij/bank-files lands */
// Local stand-in for @ij/bank-files (branch wt/bankfiles), with its announced interface: deleted once it lands on main.
import { XMLParser } from 'fast-xml-parser';

export interface BankReportEntry { endToEndId: string; outcome: 'SETTLED' | 'RETURNED' | 'REJECTED'; amountCents: number; bookedOn: string; reasonCode?: string; reasonText?: string }
export interface BankReport { messageId: string; kind: 'camt.054' | 'pain.002'; entries: BankReportEntry[] }

export class InvalidBankReport extends Error {
  constructor(readonly problems: { field: string; message: string }[]) {
    super('Invalid bank report');
    this.name = 'InvalidBankReport';
  }
}

const euros = (cents: number) => `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
const cents = (amount: string) => Number(amount.replace('.', ''));
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export async function parseBankReport(xml: string): Promise<BankReport> {
  let document: Record<string, any>;
  try {
    document = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false }).parse(xml, true) as Record<string, any>;
  } catch (error) {
    throw new InvalidBankReport([{ field: 'Document', message: error instanceof Error ? error.message : 'not XML' }]);
  }
  const root = document.Document;
  if (root?.BkToCstmrDbtCdtNtfctn) {
    const notification = root.BkToCstmrDbtCdtNtfctn;
    const entries = list<any>(notification.Ntfctn).flatMap((ntfctn) => list<any>(ntfctn.Ntry)).flatMap((entry) =>
      list<any>(entry.NtryDtls?.TxDtls).map((details) => {
        const returned = details.RtrInf;
        return {
          endToEndId: String(details.Refs.EndToEndId),
          outcome: returned ? ('RETURNED' as const) : ('SETTLED' as const),
          amountCents: cents(String(details.Amt ?? entry.Amt)),
          bookedOn: String(entry.BookgDt.Dt),
          ...(returned ? { reasonCode: String(returned.Rsn.Cd), ...(returned.AddtlInf ? { reasonText: String(returned.AddtlInf) } : {}) } : {}),
        };
      }),
    );
    return { messageId: String(notification.GrpHdr.MsgId), kind: 'camt.054', entries };
  }
  if (root?.CstmrPmtStsRpt) {
    const report = root.CstmrPmtStsRpt;
    const entries = list<any>(report.OrgnlPmtInfAndSts).flatMap((information) => list<any>(information.TxInfAndSts)).map((transaction) => ({
      endToEndId: String(transaction.OrgnlEndToEndId),
      outcome: 'REJECTED' as const,
      amountCents: cents(String(transaction.OrgnlTxRef.Amt.InstdAmt)),
      bookedOn: String(report.GrpHdr.CreDtTm).slice(0, 10),
      reasonCode: String(transaction.StsRsnInf.Rsn.Cd),
      ...(transaction.StsRsnInf.AddtlInf ? { reasonText: String(transaction.StsRsnInf.AddtlInf) } : {}),
    }));
    return { messageId: String(report.GrpHdr.MsgId), kind: 'pain.002', entries };
  }
  throw new InvalidBankReport([{ field: 'Document', message: 'is neither a camt.054 nor a pain.002 document' }]);
}

export function camt054Document(input: { messageId: string; createdOn: string; entries: { endToEndId: string; amountCents: number; bookedOn: string; returned?: { reasonCode: string; reasonText?: string } }[] }): string {
  const entries = input.entries.map((entry) => `<Ntry><Amt Ccy="EUR">${euros(entry.amountCents)}</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>${entry.bookedOn}</Dt></BookgDt><NtryDtls><TxDtls><Refs><EndToEndId>${entry.endToEndId}</EndToEndId></Refs><Amt Ccy="EUR">${euros(entry.amountCents)}</Amt>${entry.returned ? `<RtrInf><Rsn><Cd>${entry.returned.reasonCode}</Cd></Rsn>${entry.returned.reasonText ? `<AddtlInf>${entry.returned.reasonText}</AddtlInf>` : ''}</RtrInf>` : ''}</TxDtls></NtryDtls></Ntry>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>${input.messageId}</MsgId><CreDtTm>${input.createdOn}T00:00:00</CreDtTm></GrpHdr><Ntfctn><Id>${input.messageId}</Id>${entries}</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>`;
}

export function pain002Document(input: { messageId: string; createdOn: string; originalMessageId: string; rejections: { endToEndId: string; amountCents: number; reasonCode: string; reasonText?: string }[] }): string {
  const rejections = input.rejections.map((rejection) => `<TxInfAndSts><OrgnlEndToEndId>${rejection.endToEndId}</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>${rejection.reasonCode}</Cd></Rsn>${rejection.reasonText ? `<AddtlInf>${rejection.reasonText}</AddtlInf>` : ''}</StsRsnInf><OrgnlTxRef><Amt><InstdAmt Ccy="EUR">${euros(rejection.amountCents)}</InstdAmt></Amt></OrgnlTxRef></TxInfAndSts>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.11"><CstmrPmtStsRpt><GrpHdr><MsgId>${input.messageId}</MsgId><CreDtTm>${input.createdOn}T00:00:00</CreDtTm></GrpHdr><OrgnlGrpInfAndSts><OrgnlMsgId>${input.originalMessageId}</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId></OrgnlGrpInfAndSts><OrgnlPmtInfAndSts><OrgnlPmtInfId>${input.originalMessageId}</OrgnlPmtInfId>${rejections}</OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>`;
}
