import { createHash } from 'node:crypto';
import { canonicalJson } from '@ij/event-store';
import { isDomainError, upcastAll, type TransferStatus } from '@ij/ledger';
import type { ReadModelStore } from '@ij/projections';
import type { Actor } from '../auth/api-keys';
import type { CommandContext } from '../infrastructure/command-context';
import type { PolicyholderLedger } from '../infrastructure/policyholder-ledger';
import type { BankReport, BankReportEntry } from './bank-files';

const PAGE_SIZE = 500;

/** What a bank report changed: api.md "Money that moves". */
export interface BankReportOutcome {
  messageId: string;
  /** Transfers this report settled. */
  settled: number;
  /** Transfers this report returned (camt.054 returns and pain.002 rejections: never paid). */
  returned: number;
  /** EndToEndIds the ledger has no exported transfer for, or whose amount differs: reported, never guessed. */
  unknown: string[];
  /** Entries about transfers already resolved (this report again, or an earlier one). */
  alreadyApplied: number;
}

/**
 * Applies a parsed bank report (API and CLI): each entry is the bank's word on one transfer, recorded on
 * its payee's stream (RecordBankOutcome), which resolves a transfer at most once. Entries are keyed by the
 * report's message id and their content, so the same document twice records nothing the second time.
 */
export async function applyBankReport(report: BankReport, ledger: PolicyholderLedger, readModels: ReadModelStore, actor: Actor): Promise<BankReportOutcome> {
  const outcome: BankReportOutcome = { messageId: report.messageId, settled: 0, returned: 0, unknown: [], alreadyApplied: 0 };
  const owners = await transferOwners(readModels, new Set(report.entries.map((entry) => entry.endToEndId)));
  for (const entry of report.entries) {
    const owner = owners.get(entry.endToEndId);
    if (!owner || owner.netCents !== entry.amountCents) {
      outcome.unknown.push(entry.endToEndId);
      continue;
    }
    if (owner.status === 'SETTLED' || owner.status === 'RETURNED') {
      outcome.alreadyApplied++;
      continue;
    }
    try {
      const { events } = await ledger.decideForPolicyholder(
        owner.policyholderId,
        { type: 'RecordBankOutcome', policyholderId: owner.policyholderId, transferId: entry.endToEndId, outcome: entry.outcome, bankReportId: report.messageId, bookedOn: entry.bookedOn, ...reason(entry) },
        entryContext(report, entry, actor),
      );
      const [resolution] = upcastAll(events);
      if (resolution?.type !== 'TransferSettled' && resolution?.type !== 'TransferReturned') outcome.alreadyApplied++;
      else if (resolution.type === 'TransferSettled') outcome.settled++;
      else outcome.returned++;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      outcome.unknown.push(entry.endToEndId);
    }
  }
  return outcome;
}

function reason(entry: BankReportEntry): { reasonCode?: string; reasonText?: string } {
  return { ...(entry.reasonCode === undefined ? {} : { reasonCode: entry.reasonCode }), ...(entry.reasonText === undefined ? {} : { reasonText: entry.reasonText }) };
}

function entryContext(report: BankReport, entry: BankReportEntry, actor: Actor): CommandContext {
  const requestHash = createHash('sha256').update(`bank-report\n${canonicalJson({ messageId: report.messageId, kind: report.kind, entry })}`).digest('hex');
  return {
    actor,
    idempotencyKey: `bank-report:${report.messageId}:${requestHash.slice(0, 32)}`,
    requestHash,
    correlationId: `bank-report-${report.messageId}`,
    causationId: `bank-report-${report.messageId}-${entry.endToEndId}`,
  };
}

/** The policyholder and amount of each EndToEndId sought, from the read models (one pass, page by page). */
async function transferOwners(readModels: ReadModelStore, sought: ReadonlySet<string>): Promise<Map<string, { policyholderId: string; netCents: number; status: TransferStatus }>> {
  const owners = new Map<string, { policyholderId: string; netCents: number; status: TransferStatus }>();
  for (let afterId: string | null = null; owners.size < sought.size; ) {
    const page = await readModels.policyholders(afterId, PAGE_SIZE);
    if (page.length === 0) break;
    for (const document of page) {
      for (const transfer of document.transfers ?? []) {
        if (sought.has(transfer.transferId)) owners.set(transfer.transferId, { policyholderId: document.policyholderId, netCents: transfer.netCents, status: transfer.status });
      }
    }
    afterId = page[page.length - 1].policyholderId;
  }
  return owners;
}
