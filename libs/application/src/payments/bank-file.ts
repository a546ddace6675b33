import { NothingToTransfer, PaymentRunNotDone, type Payee } from '@ij/ledger';
import type { ReadModelStore } from '@ij/projections';
import { writePain001, type BankFileTransfer, type Debtor } from './pain001';
import type { PaymentRunRecord } from './payment-run-runner';
import { bankFileIdOf } from './run-payments';

const PAGE_SIZE = 500;

/** The fund's own account, debited by the bank file (LEDGER_DEBTOR_NAME, LEDGER_DEBTOR_IBAN, LEDGER_DEBTOR_BIC). */
export function debtorFrom(environment: NodeJS.ProcessEnv = process.env): Debtor {
  return {
    name: environment.LEDGER_DEBTOR_NAME ?? 'Caisse primaire d assurance maladie',
    iban: environment.LEDGER_DEBTOR_IBAN ?? 'FR7610001000000000000000143',
    bic: environment.LEDGER_DEBTOR_BIC ?? 'BDFEFRPP',
  };
}

/** Refuses before the first byte: a run not done, or one that moved no money, has no file. */
export function assertBankFile(run: PaymentRunRecord): void {
  if (run.status !== 'done' || !run.exported || !run.completedAt) throw new PaymentRunNotDone(run.runId, run.status);
  if (run.exported.count === 0) throw new NothingToTransfer(run.runId);
}

/**
 * Writes the run's pain.001 (HTTP and `pay --out`), streaming: the transfers the run exported are read
 * page by page from the read models (each transfer names its bank file), never all held at once.
 * A release-13 run's file is the payments its completion recorded.
 */
export async function writeBankFile(run: PaymentRunRecord, readModels: ReadModelStore, write: (chunk: string) => Promise<void> | void): Promise<void> {
  assertBankFile(run);
  const bankFileId = bankFileIdOf(run.runId);
  const header = { messageId: bankFileId, createdAt: run.completedAt!.slice(0, 19), executionDate: run.completedAt!.slice(0, 10), debtor: debtorFrom(), totals: run.exported! };
  const legacy = run.legacyPayments;
  const transfersOf = legacy
    ? async function* (payee: Payee): AsyncIterable<BankFileTransfer> {
        for (const payment of legacy) {
          if (payment.payee === payee && payment.netCents > 0 && payment.creditorAccount) yield { transferId: payment.paymentId, payee, stoppageId: payment.stoppageId, netCents: payment.netCents, creditorAccount: payment.creditorAccount };
        }
      }
    : (payee: Payee) => exportedTransfers(readModels, bankFileId, payee);
  await writePain001(header, transfersOf, write);
}

async function* exportedTransfers(readModels: ReadModelStore, bankFileId: string, payee: Payee): AsyncIterable<BankFileTransfer> {
  for (let afterId: string | null = null; ; ) {
    const page = await readModels.policyholders(afterId, PAGE_SIZE);
    if (page.length === 0) return;
    for (const document of page) {
      for (const transfer of document.transfers ?? []) {
        if (transfer.bankFileId !== bankFileId || transfer.payee !== payee || !transfer.creditorAccount) continue;
        yield { transferId: transfer.transferId, payee, stoppageId: transfer.stoppageId, netCents: transfer.netCents, creditorAccount: transfer.creditorAccount };
      }
    }
    afterId = page[page.length - 1].policyholderId;
  }
}
