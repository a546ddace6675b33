import { createHash } from 'node:crypto';
import { canonicalJson } from '@ij/event-store';
import { isDomainError, paymentTotals, policyholderAccount, RegularizationBeforeSettledDate, settle, settlementMovedBackBy, type PaymentOrdered, type PolicyholderState, type StoppageAccount, type StoppageState } from '@ij/ledger';
import { Money } from '@ij/money';
import { toPolicyholderState, type ReadModelStore } from '@ij/projections';
import type { RulesVersion } from '@ij/rules';
import type { Actor } from '../auth/api-keys';
import { derivedId } from '../commands/handlers/derived-id';
import type { CommandContext } from '../http/command-context';
import type { PolicyholderLedger } from '../infrastructure/policyholder-ledger';

/**
 * Every payment run records its regularizations as this actor, whoever started or resumed it: event ids
 * derive from the actor and the idempotency key, so a resumed run finds what the first attempt recorded.
 */
export const PAYMENT_RUN_ACTOR: Actor = { actorId: 'payment-run', roles: ['supervisor'] };

const PAGE_SIZE = 200;
/** Policyholders settled at once (commands on one stream still run one after the other). */
const CONCURRENCY = 8;

/** SETTLED_LATER: already settled through a later day (by a later run or a clerk); settling it through this run's date would go backwards. */
export type SkipReason = 'MISSING_SALARY_CERTIFICATE' | 'NO_BANK_ACCOUNT' | 'BLOCKED' | 'SETTLED_LATER';

export interface SkippedStoppage {
  policyholderId: string;
  stoppageId: string;
  reason: SkipReason;
  detail: string;
}

export interface PaymentRunProgress {
  processed: number;
  total: number;
}

export interface PaymentRunResult extends PaymentRunProgress {
  /** Stoppages this run regularized (or found regularized by an earlier attempt of the same run). */
  regularized: number;
  /** Transfers ordered, and what they carry: gross allowances, deductions for overpayments, net transferred. */
  paidCount: number;
  paidGrossCents: number;
  offsetCents: number;
  paidCents: number;
  skipped: SkippedStoppage[];
  payments: Array<PaymentOrdered['data']>;
}

/** The Regularize of one stoppage by one run: its idempotency key names both (as `replay --apply` does). */
export function runCommandContext(runId: string, stoppageId: string, through: string): CommandContext {
  const request = { runId, stoppageId, through };
  return {
    actor: PAYMENT_RUN_ACTOR,
    idempotencyKey: `payment-run:${runId}:${stoppageId}`,
    requestHash: createHash('sha256').update(`payment-run\n${canonicalJson(request)}`).digest('hex'),
    correlationId: `payment-run-${runId}`,
    causationId: `payment-run-${runId}-${stoppageId}`,
  };
}

/**
 * Settles, through `through`, every stoppage with a certificate and an amount due, with the same
 * Regularize as the API. A stoppage this run already regularized (a re-run, or a resumed crash) is
 * regularized again under the same idempotency key, which answers the recorded events: nobody is paid
 * twice and the run's list of payments is complete. Stoppages left out are listed with the reason.
 */
export async function runPayments(
  ledger: PolicyholderLedger,
  readModels: ReadModelStore,
  run: { runId: string; through: string; total: number },
  rules: RulesVersion,
  onProgress?: (progress: PaymentRunProgress) => void,
): Promise<PaymentRunResult> {
  const result: PaymentRunResult = { processed: 0, total: run.total, regularized: 0, paidCount: 0, paidGrossCents: 0, offsetCents: 0, paidCents: 0, skipped: [], payments: [] };
  for (let afterId: string | null = null; ; ) {
    const page = await readModels.policyholders(afterId, PAGE_SIZE);
    if (page.length === 0) break;
    let next = 0;
    const work = async () => {
      while (next < page.length) {
        const document = page[next++];
        await settlePolicyholder(ledger, toPolicyholderState(document), document.policyholderId, run, rules, result);
        result.processed++;
        onProgress?.({ processed: result.processed, total: Math.max(result.total, result.processed) });
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, page.length) }, work));
    afterId = page[page.length - 1].policyholderId;
  }
  result.payments.sort((a, b) => (a.paymentId < b.paymentId ? -1 : a.paymentId > b.paymentId ? 1 : 0));
  const totals = (field: 'grossCents' | 'offsetCents' | 'netCents') => result.payments.reduce((sum, payment) => sum.plus(Money.fromCents(payment[field])), Money.zero()).toCents();
  return { ...result, paidCount: result.payments.length, paidGrossCents: totals('grossCents'), offsetCents: totals('offsetCents'), paidCents: totals('netCents') };
}

async function settlePolicyholder(
  ledger: PolicyholderLedger,
  state: PolicyholderState,
  policyholderId: string,
  run: { runId: string; through: string },
  rules: RulesVersion,
  result: PaymentRunResult,
): Promise<void> {
  const account = policyholderAccount(state, rules, run.through);
  for (const stoppageAccount of account.stoppages) {
    const stoppage = state.stoppages.get(stoppageAccount.stoppageId)!;
    const context = runCommandContext(run.runId, stoppage.stoppageId, run.through);
    const regularizationId = derivedId(context, 'regularization');
    const skip = (reason: SkipReason, detail: string) => result.skipped.push({ policyholderId, stoppageId: stoppage.stoppageId, reason, detail });
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
      result.regularized++;
      for (const event of events) if (event.type === 'PaymentOrdered') result.payments.push(event.data as PaymentOrdered['data']);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      // Another run (or a clerk) settled it through a later day after this run read it: skip it, nothing is booked.
      if (error instanceof RegularizationBeforeSettledDate) skip('SETTLED_LATER', settledLaterDetail(error.settledThrough));
      else skip('BLOCKED', `${error.code}: ${error.message}`);
    }
  }
}

/** NOTHING_DUE for a stoppage the run passes over silently, a reason for one it lists, undefined to pay it. */
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
