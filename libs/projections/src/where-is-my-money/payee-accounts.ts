import type { PolicyholderDocument } from '../model/policyholder-document';

/**
 * Whether the accounts money is sent to can be credited now (#17): a changed IBAN waits for a
 * supervisor's confirmation, and an account the bank returned a transfer from is unusable until a new
 * one is recorded. Read from the document's `bankAccountHold` and `unusableEmployerAccounts`; a document
 * written before #17 has neither, and then an account on record is usable.
 */
export type AccountBlock =
  | { reason: 'NO_BANK_ACCOUNT' }
  | { reason: 'BANK_ACCOUNT_UNCONFIRMED'; since: string }
  | { reason: 'TRANSFER_RETURNED'; since: string; returnReasonCode: string; returnReasonText?: string };

/** Why the policyholder's own account cannot be credited now, or undefined when it can. */
export function policyholderAccountBlock(document: PolicyholderDocument): AccountBlock | undefined {
  if (!document.bankAccount) return { reason: 'NO_BANK_ACCOUNT' };
  const hold = document.bankAccountHold;
  if (hold?.kind === 'RETURNED') {
    return { reason: 'TRANSFER_RETURNED', since: hold.since, returnReasonCode: hold.reasonCode, ...(hold.reasonText === undefined ? {} : { returnReasonText: hold.reasonText }) };
  }
  if (hold?.kind === 'UNCONFIRMED') return { reason: 'BANK_ACCOUNT_UNCONFIRMED', since: hold.since };
  return undefined;
}

/** The bank's reason code when an employer's account returned a transfer and no new one was given since. */
export function unusableEmployerAccount(document: PolicyholderDocument, employerId: string | undefined): string | undefined {
  if (employerId === undefined) return undefined;
  return document.unusableEmployerAccounts?.[employerId];
}
