import { fragment } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { BankAccount, ExportedTotals, Payee } from '@ij/ledger';
import { decimalEuros } from '@ij/money';
import { sepaText } from './sepa-text';

/** Who pays: the fund's own account, as the bank knows it. */
export interface Debtor {
  name: string;
  iban: string;
  bic: string;
}

/** One credit transfer of the file: a transfer the run exported (its id is the EndToEndId). */
export interface BankFileTransfer {
  transferId: string;
  payee: Payee;
  stoppageId: string;
  netCents: number;
  creditorAccount: BankAccount;
}

export interface Pain001Header {
  /** The bank file id (the run id without dashes): the message id (MsgId, at most 35 characters). */
  messageId: string;
  createdAt: string;
  executionDate: string;
  debtor: Debtor;
  /** Counted when the transfers were claimed: the header comes before them and the file is written in one pass. */
  totals: ExportedTotals;
}

const NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03';
const PAYEE_LABELS = { POLICYHOLDER: 'H', EMPLOYER: 'E' } as const;
export const PAYEES: readonly Payee[] = ['POLICYHOLDER', 'EMPLOYER'];

/**
 * Text as the bank file carries it: in the SEPA character set (sepa-text.ts, #21) and cut to the field's
 * length. The one place where names, ids and remittance text are prepared for the bank, so a name stored
 * with any character still gives a well-formed, valid file.
 */
export function bankText(value: string, maxLength = 140): string {
  return sepaText(value, maxLength);
}

/**
 * The run as an ISO 20022 customer credit transfer initiation (pain.001.001.03, SEPA), written as it
 * goes: the header, then one payment information block per payee type, one transaction per transfer,
 * each read from `transfersOf(payee)` once. Nothing but the transaction being written is held in memory,
 * so a national run's file streams. Amounts are euros with 2 decimals written from integer cents.
 */
export async function writePain001(header: Pain001Header, transfersOf: (payee: Payee) => AsyncIterable<BankFileTransfer>, write: (chunk: string) => Promise<void> | void): Promise<void> {
  await write(`<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="${NAMESPACE}">\n<CstmrCdtTrfInitn>\n`);
  await write(groupHeader(header));
  for (const payee of PAYEES) {
    const totals = header.totals.byPayee[payee];
    if (totals.count === 0) continue;
    await write('<PmtInf>\n');
    await write(paymentInformation(header, bankText(`${header.messageId.slice(0, 33)}-${PAYEE_LABELS[payee]}`, 35), totals));
    for await (const transfer of transfersOf(payee)) await write(transaction(transfer));
    await write('</PmtInf>\n');
  }
  await write('</CstmrCdtTrfInitn>\n</Document>\n');
}

/** The whole file as one string: for small files and tests. */
export async function pain001(header: Pain001Header, transfers: readonly BankFileTransfer[]): Promise<string> {
  const chunks: string[] = [];
  await writePain001(
    header,
    async function* (payee) {
      yield* transfers.filter((transfer) => transfer.payee === payee);
    },
    (chunk) => {
      chunks.push(chunk);
    },
  );
  return chunks.join('');
}

function groupHeader(header: Pain001Header): string {
  return element((root) => {
    const group = root.ele('GrpHdr');
    group.ele('MsgId').txt(bankText(header.messageId, 35));
    group.ele('CreDtTm').txt(header.createdAt);
    group.ele('NbOfTxs').txt(String(header.totals.count));
    group.ele('CtrlSum').txt(decimalEuros(header.totals.netCents));
    group.ele('InitgPty').ele('Nm').txt(bankText(header.debtor.name));
  });
}

function paymentInformation(header: Pain001Header, id: string, totals: { count: number; netCents: number }): string {
  return element((block) => {
    block.ele('PmtInfId').txt(id);
    block.ele('PmtMtd').txt('TRF');
    block.ele('BtchBookg').txt('true');
    block.ele('NbOfTxs').txt(String(totals.count));
    block.ele('CtrlSum').txt(decimalEuros(totals.netCents));
    block.ele('PmtTpInf').ele('SvcLvl').ele('Cd').txt('SEPA');
    block.ele('ReqdExctnDt').txt(header.executionDate);
    block.ele('Dbtr').ele('Nm').txt(bankText(header.debtor.name));
    block.ele('DbtrAcct').ele('Id').ele('IBAN').txt(header.debtor.iban);
    block.ele('DbtrAgt').ele('FinInstnId').ele('BIC').txt(header.debtor.bic);
    block.ele('ChrgBr').txt('SLEV');
  });
}

function transaction(transfer: BankFileTransfer): string {
  const account = transfer.creditorAccount;
  return element((root) => {
    const credit = root.ele('CdtTrfTxInf');
    credit.ele('PmtId').ele('EndToEndId').txt(bankText(transfer.transferId, 35));
    credit.ele('Amt').ele('InstdAmt', { Ccy: 'EUR' }).txt(decimalEuros(transfer.netCents));
    if (account.bic) credit.ele('CdtrAgt').ele('FinInstnId').ele('BIC').txt(account.bic);
    credit.ele('Cdtr').ele('Nm').txt(bankText(account.holderName));
    credit.ele('CdtrAcct').ele('Id').ele('IBAN').txt(account.iban);
    credit.ele('RmtInf').ele('Ustrd').txt(bankText(`Indemnites journalieres, arret ${transfer.stoppageId}`));
  });
}

/** Elements written by xmlbuilder2 (which escapes the text), as a fragment of the file. */
function element(build: (root: XMLBuilder) => void): string {
  const root = fragment();
  build(root);
  return `${root.end({ prettyPrint: true })}\n`;
}
