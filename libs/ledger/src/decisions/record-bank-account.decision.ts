import type { RecordBankAccount } from '../commands/commands';
import { PolicyholderNotFound } from '../errors/payee-errors';
import type { BankAccountRecorded } from '../events/payment-events';
import { definedOnly } from '../events/ledger-event';
import type { PolicyholderState } from '../state/policyholder-state';
import type { DecisionContext } from './decision-context';

/**
 * The policyholder's account replaces any earlier one for the transfers exported from now on. Only a
 * policyholder the ledger knows (one with a stoppage) has an account: a mistyped id opens no stream.
 * The first account is usable at once; a changed IBAN waits for a second person's confirmation (#21).
 */
export function recordBankAccount(command: RecordBankAccount, state: PolicyholderState, context: Pick<DecisionContext, 'today'>): BankAccountRecorded[] {
  if (state.policyholderId === null) throw new PolicyholderNotFound();
  const changed = state.bankAccount !== undefined && state.bankAccount.iban !== command.iban;
  const stillWaiting = state.bankAccountHold?.kind === 'UNCONFIRMED' && state.bankAccount?.iban === command.iban;
  return [
    {
      type: 'BankAccountRecorded',
      schemaVersion: 2,
      data: {
        policyholderId: state.policyholderId,
        account: definedOnly({ iban: command.iban, bic: command.bic, holderName: command.holderName }),
        recordedOn: context.today,
        recordedBy: stillWaiting && state.bankAccountHold?.kind === 'UNCONFIRMED' ? state.bankAccountHold.recordedBy : command.recordedBy,
        awaitsConfirmation: changed || stillWaiting,
      },
    },
  ];
}
