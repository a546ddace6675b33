import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { BankAccount, PaymentOrdered } from '@ij/ledger';
import { decimalEuros, sumCents } from '@ij/money';
import { sepaText } from './sepa-text';

/** Who pays: the fund's own account, as the bank knows it. */
export interface Debtor {
  name: string;
  iban: string;
  bic: string;
}

export interface Pain001Input {
  /** The run id: the message id (MsgId, at most 35 characters). */
  messageId: string;
  createdAt: string;
  executionDate: string;
  debtor: Debtor;
  payments: ReadonlyArray<PaymentOrdered['data']>;
}

const NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03';
const PAYEE_LABELS = { POLICYHOLDER: 'H', EMPLOYER: 'E' } as const;

/**
 * The run as an ISO 20022 customer credit transfer initiation (pain.001.001.03, SEPA): one payment
 * information block per payee type, one transaction per transfer, its EndToEndId the payment's id.
 * Only transfers with a positive net amount and a known account are in it: a payment fully offset
 * moves no money. Amounts are euros with 2 decimals written from integer cents (never floats). Every text
 * is written in the SEPA character set (sepa-text.ts), so a name stored with any character still gives a
 * well-formed, valid file.
 */
export function pain001(input: Pain001Input): string {
  const transfers = bankTransfers(input.payments);
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(NAMESPACE, 'Document').ele('CstmrCdtTrfInitn');
  const header = root.ele('GrpHdr');
  header.ele('MsgId').txt(sepaText(input.messageId, 35));
  header.ele('CreDtTm').txt(input.createdAt);
  header.ele('NbOfTxs').txt(String(transfers.length));
  header.ele('CtrlSum').txt(decimalEuros(sumCents(transfers.map((payment) => payment.netCents))));
  header.ele('InitgPty').ele('Nm').txt(sepaText(input.debtor.name, 140));
  for (const payee of ['POLICYHOLDER', 'EMPLOYER'] as const) {
    const batch = transfers.filter((payment) => payment.payee === payee);
    if (batch.length > 0) paymentInformation(root, input, sepaText(`${input.messageId.slice(0, 33)}-${PAYEE_LABELS[payee]}`, 35), batch);
  }
  return root.end({ prettyPrint: true });
}

/** The payments a bank file carries. The schema needs at least one (PmtInf minOccurs 1): without any, no file. */
export function bankTransfers(payments: ReadonlyArray<PaymentOrdered['data']>): Array<PaymentOrdered['data']> {
  return payments.filter((payment) => payment.netCents > 0 && payment.creditorAccount !== undefined);
}

function paymentInformation(root: XMLBuilder, input: Pain001Input, id: string, batch: ReadonlyArray<PaymentOrdered['data']>): void {
  const block = root.ele('PmtInf');
  block.ele('PmtInfId').txt(id);
  block.ele('PmtMtd').txt('TRF');
  block.ele('BtchBookg').txt('true');
  block.ele('NbOfTxs').txt(String(batch.length));
  block.ele('CtrlSum').txt(decimalEuros(sumCents(batch.map((payment) => payment.netCents))));
  block.ele('PmtTpInf').ele('SvcLvl').ele('Cd').txt('SEPA');
  block.ele('ReqdExctnDt').txt(input.executionDate);
  block.ele('Dbtr').ele('Nm').txt(sepaText(input.debtor.name, 140));
  block.ele('DbtrAcct').ele('Id').ele('IBAN').txt(input.debtor.iban);
  block.ele('DbtrAgt').ele('FinInstnId').ele('BIC').txt(input.debtor.bic);
  block.ele('ChrgBr').txt('SLEV');
  for (const payment of batch) transaction(block, payment, payment.creditorAccount!);
}

function transaction(block: XMLBuilder, payment: PaymentOrdered['data'], account: BankAccount): void {
  const transfer = block.ele('CdtTrfTxInf');
  transfer.ele('PmtId').ele('EndToEndId').txt(sepaText(payment.paymentId, 35));
  transfer.ele('Amt').ele('InstdAmt', { Ccy: 'EUR' }).txt(decimalEuros(payment.netCents));
  if (account.bic) transfer.ele('CdtrAgt').ele('FinInstnId').ele('BIC').txt(account.bic);
  transfer.ele('Cdtr').ele('Nm').txt(sepaText(account.holderName, 140));
  transfer.ele('CdtrAcct').ele('Id').ele('IBAN').txt(account.iban);
  transfer.ele('RmtInf').ele('Ustrd').txt(sepaText(`Indemnites journalieres, arret ${payment.stoppageId}`, 140));
}
