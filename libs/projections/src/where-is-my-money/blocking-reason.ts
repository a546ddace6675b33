import type { StoppageAccount, StoppageState } from '@ij/ledger';
import { effectiveEndDate } from '@ij/ledger';
import type { PolicyholderDocument } from '../model/policyholder-document';
import { isHeld, type Outgoing } from './money-out';
import { policyholderAccountBlock, unusableEmployerAccount } from './payee-accounts';

/** Who must act for the money to move (api.md "Where is my money"). */
export type WaitingFor = 'EMPLOYER' | 'FUND' | 'BANK' | 'POLICYHOLDER';

/** Why a stoppage's money does not move, and who it waits for. */
export const BLOCKING_REASONS = {
  /** The employer has not sent the salary certificate: nothing can be computed. */
  MISSING_SALARY_CERTIFICATE: 'EMPLOYER',
  /** The rules version has no parameter for a day of the stoppage: the fund must review the file. */
  RULES_REVIEW_NEEDED: 'FUND',
  /** Money is due and no payment run is planned (LEDGER_PAYMENT_RUN_DAYS): a regularization must be done by hand. */
  REGULARIZATION_NOT_PLANNED: 'FUND',
  /** A changed IBAN waits for a supervisor's confirmation (#21). */
  BANK_ACCOUNT_UNCONFIRMED: 'FUND',
  /** The bank returned a transfer; the account stays unusable until a new one is recorded. */
  TRANSFER_RETURNED: 'BANK',
  /** No account to pay the policyholder into. */
  NO_BANK_ACCOUNT: 'POLICYHOLDER',
} as const satisfies Record<string, WaitingFor>;

export type BlockingReason = keyof typeof BLOCKING_REASONS;

export interface BlockedBy {
  reason: BlockingReason;
  since: string;
  waitingFor: WaitingFor;
  /** The salary months missing, the bank's return code…: what the clerk reads out. */
  missingMonths?: string[];
  returnReasonCode?: string;
  returnReasonText?: string;
}

export interface BlockingFacts {
  document: PolicyholderDocument;
  stoppage: StoppageState;
  account: StoppageAccount;
  outgoings: readonly Outgoing[];
  pendingCents: number;
  /** The first day not covered by money that left (blocks that stop a payment date from it). */
  firstUncoveredDay: string;
  nextPaymentOn: string | undefined;
}

function blocked(reason: BlockingReason, since: string, details: Partial<BlockedBy> = {}): BlockedBy {
  return { reason, since, waitingFor: BLOCKING_REASONS[reason], ...details };
}

/**
 * The one thing the money of a stoppage waits for, first that applies: the employer's certificate (nothing
 * can be computed without it), a review of the rules, the bank (a returned transfer), the account
 * (unconfirmed, or none), and last a payment that nobody planned. Only money that is due can be blocked by
 * an account or a missing plan: a stoppage with nothing pending waits for nothing.
 */
export function blockingReason(facts: BlockingFacts): BlockedBy | undefined {
  const { document, stoppage, account, outgoings, pendingCents, firstUncoveredDay, nextPaymentOn } = facts;
  const entitlement = account.entitlement;
  if (entitlement.status === 'MISSING_SALARY_CERTIFICATE') return blocked('MISSING_SALARY_CERTIFICATE', stoppage.startDate, { missingMonths: entitlement.missingMonths });
  if (entitlement.status === 'NO_PARAMETERS_FOR_DATE') return blocked('RULES_REVIEW_NEEDED', entitlement.date);
  const returned = outgoings.filter((outgoing) => outgoing.status === 'RETURNED' && isHeld(outgoing));
  for (const outgoing of returned) {
    const stillUnusable = outgoing.payee === 'EMPLOYER' ? unusableEmployerAccount(document, outgoing.employerId) : policyholderAccountBlock(document)?.reason === 'TRANSFER_RETURNED';
    if (stillUnusable) return blocked('TRANSFER_RETURNED', outgoing.returnedOn!, returnReason(outgoing));
  }
  if (pendingCents <= 0) return undefined;
  if (!subrogatedToItsEnd(stoppage)) {
    const accountBlock = policyholderAccountBlock(document);
    if (accountBlock?.reason === 'TRANSFER_RETURNED') return blocked('TRANSFER_RETURNED', accountBlock.since, { returnReasonCode: accountBlock.returnReasonCode, ...(accountBlock.returnReasonText === undefined ? {} : { returnReasonText: accountBlock.returnReasonText }) });
    if (accountBlock?.reason === 'BANK_ACCOUNT_UNCONFIRMED') return blocked('BANK_ACCOUNT_UNCONFIRMED', accountBlock.since);
    if (accountBlock?.reason === 'NO_BANK_ACCOUNT') return blocked('NO_BANK_ACCOUNT', firstUncoveredDay);
  }
  if (nextPaymentOn === undefined) return blocked('REGULARIZATION_NOT_PLANNED', firstUncoveredDay);
  return undefined;
}

function returnReason(outgoing: Outgoing): Partial<BlockedBy> {
  return { ...(outgoing.returnReasonCode === undefined ? {} : { returnReasonCode: outgoing.returnReasonCode }), ...(outgoing.returnReasonText === undefined ? {} : { returnReasonText: outgoing.returnReasonText }) };
}

/** Every day of it is paid to a subrogated employer: the policyholder's own account does not matter. */
function subrogatedToItsEnd(stoppage: StoppageState): boolean {
  const end = effectiveEndDate(stoppage);
  return (stoppage.subrogations ?? []).some((subrogation) => subrogation.fromDate <= stoppage.startDate && subrogation.toDate >= end);
}
