import { createHash } from 'node:crypto';
import { canonicalJson } from '@ij/event-store';
import {
  compactId,
  creditorOf,
  isDomainError,
  RegularizationBeforeSettledDate,
  settlementMovedBackBy,
  owedAgain,
  paymentTotals,
  policyholderAccount,
  settle,
  type PaymentOrdered,
  type PaymentRunCompleted,
  type PolicyholderState,
  type SkippedItem,
  type SkipReason,
  type StoppageAccount,
  type StoppageState,
  type TransferExported,
  upcastAll,
} from '@ij/ledger';
import { Money } from '@ij/money';
import { toPolicyholderState, type PolicyholderDocument, type ReadModelStore } from '@ij/projections';
import type { RulesVersion } from '@ij/rules';
import type { Actor } from '../auth/api-keys';
import { derivedId } from '../commands/derived-id';
import type { CommandContext } from '../infrastructure/command-context';
import type { PolicyholderLedger } from '../infrastructure/policyholder-ledger';

/**
 * Every payment run records its decisions as this actor, whoever started or resumed it: event ids
 * derive from the actor and the idempotency key, so a resumed run finds what the first attempt recorded.
 */
export const PAYMENT_RUN_ACTOR: Actor = { actorId: 'payment-run', roles: ['supervisor'] };

const PAGE_SIZE = 200;
/** Policyholders settled at once (commands on one stream still run one after the other). */
const CONCURRENCY = 8;

export interface PaymentRunProgress {
  processed: number;
  total: number;
}

/** What a run records when it completes, but the facts the runner adds (its id, date, rules version, time). */
export type PaymentRunResult = Omit<PaymentRunCompleted['data'], 'runId' | 'through' | 'rulesVersion' | 'completedAt' | 'legacyPayments'>;

/** A run's decision on one stream: its idempotency key names the run and the subject (as `replay --apply` does). */
export function runCommandContext(runId: string, subject: string, through: string): CommandContext {
  // Named `stoppageId` as in release 13, so that a run interrupted then is resumed under the same request hash.
  const request = { runId, stoppageId: subject, through };
  return {
    actor: PAYMENT_RUN_ACTOR,
    idempotencyKey: `payment-run:${runId}:${subject}`,
    requestHash: createHash('sha256').update(`payment-run\n${canonicalJson(request)}`).digest('hex'),
    correlationId: `payment-run-${runId}`,
    causationId: `payment-run-${runId}-${subject}`,
  };
}

/** The bank file of a run: its id without dashes (the pain.001 MsgId, Max35Text). */
export function bankFileIdOf(runId: string): string {
  return compactId(runId);
}

/**
 * For every policyholder, through `through`: settles every stoppage with a certificate and an amount due
 * (the same Regularize as the API, which orders its transfers), orders again the returned transfers whose
 * payee has a usable account again, then claims for the run's bank file every ORDERED transfer ordered on
 * or before the day it runs (ExportTransfers, decided at the stream's revision: each transfer in one file
 * only). The cut-off is the run's day, not `through`: the run's own settlement, a clerk's Regularize and
 * `replay --apply` all order on the day they are made, after the `through` they settle to.
 * A re-run or a resumed crash repeats each decision under the same idempotency key and finds what was
 * recorded: nobody is paid twice and the run's totals are complete. What is left out is listed with why.
 */
export async function runPayments(
  ledger: PolicyholderLedger,
  readModels: ReadModelStore,
  run: { runId: string; through: string; today: string; total: number },
  rules: RulesVersion,
  onProgress?: (progress: PaymentRunProgress) => void,
): Promise<PaymentRunResult> {
  const tally = new RunTally(run.total);
  for (let afterId: string | null = null; ; ) {
    const page = await readModels.policyholders(afterId, PAGE_SIZE);
    if (page.length === 0) break;
    let next = 0;
    const work = async () => {
      while (next < page.length) {
        const document = page[next++];
        await payPolicyholder(ledger, readModels, document, run, rules, tally);
        tally.processed++;
        onProgress?.({ processed: tally.processed, total: Math.max(tally.total, tally.processed) });
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, page.length) }, work));
    afterId = page[page.length - 1].policyholderId;
  }
  return tally.result();
}

async function payPolicyholder(ledger: PolicyholderLedger, readModels: ReadModelStore, document: PolicyholderDocument, run: { runId: string; through: string; today: string }, rules: RulesVersion, tally: RunTally): Promise<void> {
  const policyholderId = document.policyholderId;
  const state = toPolicyholderState(document);
  let changed = await settlePolicyholder(ledger, state, policyholderId, run, rules, tally);
  changed = (await reorderReturned(ledger, state, policyholderId, run, tally)) || changed;
  const current = changed ? toPolicyholderState((await readModels.policyholder(policyholderId)) ?? document) : state;
  const claimable = (current.transfers ?? []).filter((transfer) => transfer.status === 'ORDERED' && transfer.orderedOn <= run.today);
  if (claimable.length === 0 && !changed) return;
  const context = runCommandContext(run.runId, `export:${policyholderId}`, run.through);
  const { events } = await ledger.decideForPolicyholder(policyholderId, { type: 'ExportTransfers', policyholderId, bankFileId: bankFileIdOf(run.runId), orderedOnOrBefore: run.today }, context);
  const exported = new Set<string>();
  for (const event of upcastAll(events)) {
    if (event.type !== 'TransferExported') continue;
    exported.add(event.data.transferId);
    tally.exported(event.data);
  }
  for (const transfer of claimable) {
    if (exported.has(transfer.transferId)) continue;
    const creditor = creditorOf(current, transfer);
    if ('reason' in creditor) tally.skip({ policyholderId, stoppageId: transfer.stoppageId, transferId: transfer.transferId, reason: creditor.reason, detail: creditor.detail });
  }
}

/** Returned transfers whose payee can be credited again are ordered again, under a new id (the EndToEndId is never reused). */
async function reorderReturned(ledger: PolicyholderLedger, state: PolicyholderState, policyholderId: string, run: { runId: string; through: string }, tally: RunTally): Promise<boolean> {
  let changed = false;
  for (const transfer of owedAgain(state)) {
    const creditor = creditorOf(state, transfer);
    if ('reason' in creditor) {
      tally.skip({ policyholderId, stoppageId: transfer.stoppageId, transferId: transfer.transferId, reason: creditor.reason, detail: `returned, owed again: ${creditor.detail}` });
      continue;
    }
    const context = runCommandContext(run.runId, `reorder:${transfer.transferId}`, run.through);
    const newTransferId = compactId(derivedId(context, 'transfer'));
    await ledger.decideForPolicyholder(policyholderId, { type: 'ReorderReturnedTransfer', policyholderId, transferId: transfer.transferId, newTransferId }, context);
    tally.reordered++;
    changed = true;
  }
  return changed;
}

async function settlePolicyholder(ledger: PolicyholderLedger, state: PolicyholderState, policyholderId: string, run: { runId: string; through: string }, rules: RulesVersion, tally: RunTally): Promise<boolean> {
  let changed = false;
  const account = policyholderAccount(state, rules, run.through);
  for (const stoppageAccount of account.stoppages) {
    const stoppage = state.stoppages.get(stoppageAccount.stoppageId)!;
    const context = runCommandContext(run.runId, stoppage.stoppageId, run.through);
    const regularizationId = derivedId(context, 'regularization');
    const skip = (reason: SkipReason, detail: string) => tally.skip({ policyholderId, stoppageId: stoppage.stoppageId, reason, detail });
    const alreadyRegularized = stoppage.regularizations.some((regularization) => regularization.regularizationId === regularizationId);
    if (!alreadyRegularized) {
      const refusal = whyNotPaid(state, stoppage, stoppageAccount, run.through);
      if (refusal === 'NOTHING_DUE') continue;
      if (refusal) {
        skip(refusal.reason, refusal.detail);
        continue;
      }
    }
    try {
      const { events } = await ledger.decideOnStoppage({ type: 'Regularize', stoppageId: stoppage.stoppageId, regularizationId, through: run.through }, context);
      tally.regularized++;
      changed = true;
      for (const event of upcastAll(events)) if (event.type === 'PaymentOrdered') tally.paid(event.data);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      // Another run (or a clerk) settled it through a later day after this run read it: skip it, nothing is booked.
      if (error instanceof RegularizationBeforeSettledDate) skip('SETTLED_LATER', settledLaterDetail(error.settledThrough));
      else skip('BLOCKED', `${error.code}: ${error.message}`);
    }
  }
  return changed;
}

/**
 * NOTHING_DUE for a stoppage the run passes over silently, a reason for one it lists, undefined to settle it.
 * A policyholder without any account is not settled (as before transfers); one whose account is held
 * (unconfirmed, returned) is: its transfer waits, ORDERED, and the run lists it.
 */
function whyNotPaid(state: PolicyholderState, stoppage: StoppageState, account: StoppageAccount, through: string): 'NOTHING_DUE' | { reason: SkipReason; detail: string } | undefined {
  const { entitlement } = account;
  const settledLater = settlementMovedBackBy(stoppage, through);
  if (settledLater !== undefined) return { reason: 'SETTLED_LATER', detail: settledLaterDetail(settledLater) };
  if (entitlement.status === 'MISSING_SALARY_CERTIFICATE') {
    if (stoppage.status === 'closed' || stoppage.startDate > through) return 'NOTHING_DUE';
    return { reason: 'MISSING_SALARY_CERTIFICATE', detail: `salaries of ${entitlement.missingMonths.join(', ')} not received` };
  }
  if (entitlement.status === 'NO_PARAMETERS_FOR_DATE') {
    return { reason: 'BLOCKED', detail: `no-parameters-for-date: no ${entitlement.parameter ?? 'parameter'} for ${entitlement.date}` };
  }
  const totals = paymentTotals(stoppage);
  const settlement = settle(Money.fromCents(account.entitlementCents), totals.paid, totals.overpaymentOutstanding);
  if (settlement.paymentCents <= 0) return 'NOTHING_DUE';
  if (!state.bankAccount) return { reason: 'NO_BANK_ACCOUNT', detail: "the policyholder's bank account is not on record" };
  return undefined;
}

function settledLaterDetail(settledThrough: string): string {
  return `already settled through ${settledThrough}, after this run's date`;
}

/** The run's figures, kept as Money until the end (workers add to it concurrently, one await apart). */
class RunTally {
  processed = 0;
  regularized = 0;
  reordered = 0;
  private readonly payments: Array<PaymentOrdered['data']> = [];
  private readonly skipped: SkippedItem[] = [];
  private readonly byPayee = { POLICYHOLDER: { count: 0, net: Money.zero() }, EMPLOYER: { count: 0, net: Money.zero() } };

  constructor(readonly total: number) {}

  paid(payment: PaymentOrdered['data']): void {
    this.payments.push(payment);
  }

  exported(transfer: TransferExported['data']): void {
    const payee = this.byPayee[transfer.payee];
    payee.count++;
    payee.net = payee.net.plus(Money.fromCents(transfer.netCents));
  }

  skip(item: SkippedItem): void {
    this.skipped.push(item);
  }

  result(): PaymentRunResult {
    const totals = (field: 'grossCents' | 'offsetCents' | 'netCents') => this.payments.reduce((sum, payment) => sum.plus(Money.fromCents(payment[field])), Money.zero()).toCents();
    const { POLICYHOLDER, EMPLOYER } = this.byPayee;
    return {
      processed: this.processed,
      total: Math.max(this.total, this.processed),
      regularized: this.regularized,
      paidCount: this.payments.length,
      paidGrossCents: totals('grossCents'),
      offsetCents: totals('offsetCents'),
      paidCents: totals('netCents'),
      reordered: this.reordered,
      exported: {
        count: POLICYHOLDER.count + EMPLOYER.count,
        netCents: POLICYHOLDER.net.plus(EMPLOYER.net).toCents(),
        byPayee: { POLICYHOLDER: { count: POLICYHOLDER.count, netCents: POLICYHOLDER.net.toCents() }, EMPLOYER: { count: EMPLOYER.count, netCents: EMPLOYER.net.toCents() } },
      },
      skipped: [...this.skipped].sort((a, b) => (a.policyholderId < b.policyholderId ? -1 : a.policyholderId > b.policyholderId ? 1 : 0)),
    };
  }
}
