import type { PolicyholderCommand } from '../commands/commands';
import type { PolicyholderEvent } from '../events/policyholder-events';
import type { PolicyholderState } from '../state/policyholder-state';
import type { DecisionContext } from './decision-context';
import { endStoppageEarly } from './end-stoppage-early.decision';
import { extendStoppage } from './extend-stoppage.decision';
import { issueAdvance } from './issue-advance.decision';
import { openStoppage } from './open-stoppage.decision';
import { recordRecovery } from './record-recovery.decision';
import { recordSalaryCertificate } from './record-salary-certificate.decision';
import { recordBankAccount } from './record-bank-account.decision';
import { recordSubrogation } from './record-subrogation.decision';
import { regularizeAndOrderPayments } from './regularize-and-order-payments.decision';
import { annulStoppage } from './annul-stoppage.decision';
import { requireNotAnnulled } from './late-fact-guards';
import { requalifyStoppage } from './requalify-stoppage.decision';
import { confirmBankAccount, exportTransfers, recordBankOutcome, reorderReturnedTransfer } from './transfer-decisions';

/** The events a command on a policyholder's stream records, or a DomainError saying why it may not. */
export function decide(command: PolicyholderCommand, state: PolicyholderState, context: DecisionContext): PolicyholderEvent[] {
  requireNotAnnulled(command, state);
  switch (command.type) {
    case 'OpenStoppage':
      return openStoppage(command, state, context);
    case 'ExtendStoppage':
      return extendStoppage(command, state, context);
    case 'EndStoppageEarly':
      return endStoppageEarly(command, state, context);
    case 'RecordSalaryCertificate':
      return recordSalaryCertificate(command, state, context);
    case 'IssueAdvance':
      return issueAdvance(command, state, context);
    case 'Regularize':
      return regularizeAndOrderPayments(command, state, context);
    case 'RecordRecovery':
      return recordRecovery(command, state, context);
    case 'RecordBankAccount':
      return recordBankAccount(command, state, context);
    case 'RecordSubrogation':
      return recordSubrogation(command, state, context);
    case 'RequalifyStoppage':
      return requalifyStoppage(command, state, context);
    case 'AnnulStoppage':
      return annulStoppage(command, state, context);
    case 'ConfirmBankAccount':
      return confirmBankAccount(command, state, context);
    case 'ExportTransfers':
      return exportTransfers(command, state, context);
    case 'RecordBankOutcome':
      return recordBankOutcome(command, state);
    case 'ReorderReturnedTransfer':
      return reorderReturnedTransfer(command, state, context);
    default:
      return unknownCommand(command);
  }
}

function unknownCommand(command: never): never {
  throw new Error(`No decision for command ${(command as { type: string }).type}`);
}
