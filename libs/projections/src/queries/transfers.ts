import { addDisbursements, disbursements, maskIban, noDisbursements, type Disbursements, type TransferRecord, type TransferStatus } from '@ij/ledger';
import { toPolicyholderState, type PolicyholderDocument } from '../model/policyholder-document';
import type { ReadModelStore } from '../read-model-store.port';

/** A transfer as the API answers it (api.md "Money that moves"); the creditor IBAN masked. */
export interface TransferView {
  transferId: string;
  source: TransferRecord['source'];
  payee: TransferRecord['payee'];
  employerId?: string;
  policyholderId: string;
  stoppageId: string;
  grossCents: number;
  csgCents: number;
  crdsCents: number;
  netCents: number;
  status: TransferStatus;
  orderedOn: string;
  replaces?: string;
  reorderedAs?: string;
  bankFileId?: string;
  creditorIban?: string;
  exportedOn?: string;
  settledOn?: string;
  returnedOn?: string;
  returnReason?: { code: string; text?: string; rejected: boolean };
}

export interface TransferPage {
  items: TransferView[];
  /** Pass as `after` for the next page; absent on the last page. */
  next?: string;
}

export interface TransferFilter {
  status?: TransferStatus;
  /** Ordered on or after / on or before (YYYY-MM-DD). */
  from?: string;
  to?: string;
}

export function transferView(policyholderId: string, transfer: TransferRecord): TransferView {
  const { creditorAccount, ...rest } = transfer;
  return { ...rest, policyholderId, ...(creditorAccount ? { creditorIban: maskIban(creditorAccount.iban) } : {}) };
}

/** One policyholder's transfers, oldest first, a page at a time (the cursor is the index of the next one). */
export function policyholderTransfers(document: PolicyholderDocument, after: string | undefined, limit: number): TransferPage {
  const transfers = document.transfers ?? [];
  const start = after === undefined ? 0 : Number(decodeCursor(after)[1]);
  const items = transfers.slice(start, start + limit).map((transfer) => transferView(document.policyholderId, transfer));
  return start + limit < transfers.length ? { items, next: encodeCursor([document.policyholderId, String(start + limit)]) } : { items };
}

const SCAN_PAGE = 200;

/**
 * Every transfer matching the filter, by policyholder then order, a page at a time through the read
 * models. The cursor names the last transfer answered: its policyholder is read again from there, then
 * the policyholders after it.
 */
export async function ledgerTransfers(readModels: ReadModelStore, filter: TransferFilter, after: string | undefined, limit: number): Promise<TransferPage> {
  const items: TransferView[] = [];
  // Adds a document's transfers from `from`; answers the cursor when the page is full before its end.
  const take = (document: PolicyholderDocument, from: number): string | undefined => {
    const transfers = document.transfers ?? [];
    for (let index = from; index < transfers.length; index++) {
      if (!matches(transfers[index], filter)) continue;
      if (items.length === limit) return encodeCursor([document.policyholderId, String(index - 1)]);
      items.push(transferView(document.policyholderId, transfers[index]));
    }
    return undefined;
  };
  let cursor: string | null = null;
  if (after !== undefined) {
    const [policyholderId, index] = decodeCursor(after);
    const document = policyholderId === '' ? undefined : await readModels.policyholder(policyholderId);
    const next = document ? take(document, Number(index) + 1) : undefined;
    if (next) return { items, next };
    cursor = policyholderId === '' ? null : policyholderId;
  }
  for (;;) {
    const page = await readModels.policyholders(cursor, SCAN_PAGE);
    if (page.length === 0) return { items };
    for (const document of page) {
      const next = take(document, 0);
      if (next) return { items, next };
    }
    cursor = page[page.length - 1].policyholderId;
  }
}

/** GET /v1/reports/disbursements: allowances paid in the ledger against transfers by status, through a date. */
export async function disbursementReport(readModels: ReadModelStore, through: string): Promise<Disbursements & { through: string }> {
  let total = noDisbursements();
  for (let afterId: string | null = null; ; ) {
    const page = await readModels.policyholders(afterId, SCAN_PAGE);
    if (page.length === 0) break;
    for (const document of page) total = addDisbursements(total, disbursements(toPolicyholderState(document), through));
    afterId = page[page.length - 1].policyholderId;
  }
  return { through, ...total };
}

function matches(transfer: TransferRecord, filter: TransferFilter): boolean {
  return (filter.status === undefined || transfer.status === filter.status) && (filter.from === undefined || transfer.orderedOn >= filter.from) && (filter.to === undefined || transfer.orderedOn <= filter.to);
}

function encodeCursor(parts: [string, string]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** A cursor the client altered reads as the start: it is an opaque position, never an error worth a 400. */
function decodeCursor(cursor: string): [string, string] {
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parts) && parts.length === 2 && parts.every((part) => typeof part === 'string') && /^-?\d+$/u.test(parts[1] as string)) return parts as [string, string];
  } catch {
    // fall through
  }
  return ['', '-1'];
}
