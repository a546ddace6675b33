import { Money } from '@ij/money';
import type { RulesVersion } from '@ij/rules';
import type { AdvanceIssued } from '../events/policyholder-events';
import type { BankAccount, PaymentOrdered } from '../events/payment-events';
import { compactId, type TransferOrdered } from '../events/transfer-events';
import type { SkipReason } from '../payment-runs/payment-run-events';
import type { PolicyholderState, StoppageState, TransferRecord } from '../state/policyholder-state';
import { withholdingsOn } from './withholdings';

/** An advance is paid net of CSG and CRDS (ij-rules §5): its transfer, id the advance's id and `A`. */
export function advanceTransfer({ data }: AdvanceIssued, rules: Pick<RulesVersion, 'socialContributionsOn'>): TransferOrdered {
  return {
    type: 'TransferOrdered',
    schemaVersion: 1,
    data: {
      transferId: `${compactId(data.advanceId)}A`,
      source: 'ADVANCE',
      sourceId: data.advanceId,
      payee: 'POLICYHOLDER',
      stoppageId: data.stoppageId,
      grossCents: data.amountCents,
      ...withholdingsOn(Money.fromCents(data.amountCents), data.issuedOn, rules),
      orderedOn: data.issuedOn,
    },
  };
}

/**
 * A regularization's payment to one payee moves money when something is left after offsets: its transfer
 * carries the withholdings the payment already records (never computed twice), its id the payment's id.
 */
export function paymentTransfer({ data }: PaymentOrdered): TransferOrdered | undefined {
  if (data.netCents <= 0) return undefined;
  return {
    type: 'TransferOrdered',
    schemaVersion: 1,
    data: {
      transferId: data.paymentId,
      source: 'REGULARIZATION',
      sourceId: data.regularizationId,
      payee: data.payee,
      ...(data.employerId === undefined ? {} : { employerId: data.employerId }),
      stoppageId: data.stoppageId,
      grossCents: data.transferredGrossCents,
      csgCents: data.csgCents,
      crdsCents: data.crdsCents,
      netCents: data.netCents,
      orderedOn: data.orderedOn,
    },
  };
}

/** Where a transfer can be credited now, or why it is held. */
export type Creditor = { account: BankAccount } | { reason: SkipReason; detail: string };

export function creditorOf(state: PolicyholderState, transfer: Pick<TransferRecord, 'payee' | 'employerId' | 'stoppageId'>): Creditor {
  if (transfer.payee === 'EMPLOYER') {
    const unusable = transfer.employerId === undefined ? undefined : state.unusableEmployerAccounts?.[transfer.employerId];
    if (unusable) return { reason: 'BANK_ACCOUNT_UNUSABLE', detail: `the bank returned a transfer to employer ${transfer.employerId} (${unusable}): record a subrogation with a new account` };
    const account = employerAccount(state.stoppages.get(transfer.stoppageId), transfer.employerId);
    return account ? { account } : { reason: 'NO_BANK_ACCOUNT', detail: `employer ${transfer.employerId} has no account on record` };
  }
  if (!state.bankAccount) return { reason: 'NO_BANK_ACCOUNT', detail: "the policyholder's bank account is not on record" };
  const hold = state.bankAccountHold;
  if (hold?.kind === 'RETURNED') return { reason: 'BANK_ACCOUNT_UNUSABLE', detail: `the bank returned transfer ${hold.transferId} on ${hold.since} (${hold.reasonCode}${hold.reasonText ? `: ${hold.reasonText}` : ''}): record a new account` };
  if (hold?.kind === 'UNCONFIRMED') return { reason: 'BANK_ACCOUNT_UNCONFIRMED', detail: `the account changed on ${hold.since} waits for a supervisor's confirmation` };
  return { account: state.bankAccount };
}

/** The account given with the employer's latest subrogation on the stoppage (or on any of the policyholder's). */
function employerAccount(stoppage: StoppageState | undefined, employerId: string | undefined): BankAccount | undefined {
  const subrogations = (stoppage?.subrogations ?? []).filter((subrogation) => subrogation.employerId === employerId);
  return subrogations.at(-1)?.employerAccount;
}

/** Transfers a returned one is still owed by: RETURNED and not yet ordered again. */
export function owedAgain(state: Pick<PolicyholderState, 'transfers'>): TransferRecord[] {
  return (state.transfers ?? []).filter((transfer) => transfer.status === 'RETURNED' && transfer.reorderedAs === undefined);
}
