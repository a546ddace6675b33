import type { RecordBankAccount } from '../commands/commands';
import { PolicyholderNotFound } from '../errors/payee-errors';
import type { BankAccountRecorded } from '../events/payment-events';
import { definedOnly } from '../events/ledger-event';
import type { PolicyholderState } from '../state/policyholder-state';
import type { DecisionContext } from './decision-context';

/**
 * The policyholder's account replaces any earlier one for the payments ordered from now on. Only a
 * policyholder the ledger knows (one with a stoppage) has an account: a mistyped id opens no stream.
 */
export function recordBankAccount(command: RecordBankAccount, state: PolicyholderState, context: Pick<DecisionContext, 'today'>): BankAccountRecorded[] {
  if (state.policyholderId === null) throw new PolicyholderNotFound();
  return [
    {
      type: 'BankAccountRecorded',
      schemaVersion: 1,
      data: {
        policyholderId: state.policyholderId,
        account: definedOnly({ iban: command.iban, bic: command.bic, holderName: command.holderName }),
        recordedOn: context.today,
      },
    },
  ];
}
