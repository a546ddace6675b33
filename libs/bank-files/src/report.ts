/** One transfer's fate as the bank reports it, identified by the EndToEndId the ledger sent in its pain.001. */
export interface BankReportEntry {
  endToEndId: string;
  outcome: 'SETTLED' | 'RETURNED' | 'REJECTED';
  amountCents: number;
  /** YYYY-MM-DD, the date as the bank wrote it. */
  bookedOn: string;
  reasonCode?: string;
  reasonText?: string;
}

export interface BankReport {
  messageId: string;
  kind: 'camt.054' | 'pain.002';
  entries: BankReportEntry[];
}

/** Elements that may repeat in the two reports: always read as lists, and located with an index ("Ntry[2]"). */
export const REPEATED = new Set(['Ntfctn', 'Ntry', 'NtryDtls', 'TxDtls', 'AddtlInf', 'OrgnlPmtInfAndSts', 'TxInfAndSts', 'StsRsnInf']);
