import type { RecordSubrogation } from '../commands/commands';
import { EmployerBankAccountUnknown, SubrogationOutsideStoppage, SubrogationsOverlap } from '../errors/payee-errors';
import { StoppageClosed } from '../errors/stoppage-errors';
import type { BankAccount, SubrogationRecorded } from '../events/payment-events';
import { definedOnly } from '../events/ledger-event';
import type { PolicyholderState, StoppageState } from '../state/policyholder-state';
import { effectiveEndDate, requireStoppage } from '../state/stoppage-queries';
import type { DecisionContext } from './decision-context';

/**
 * The employer keeps paying the salary for `fromDate … toDate`, so it receives those days' allowances
 * (R323-11). Occupational stoppages are subrogated the same way, without the policyholder's request
 * (R433-12): the ledger asks for no request in either case. A closed stoppage was settled for good.
 */
export function recordSubrogation(command: RecordSubrogation, state: PolicyholderState, context: Pick<DecisionContext, 'today'>): SubrogationRecorded[] {
  const stoppage = requireStoppage(state, command.stoppageId);
  if (command.fromDate > command.toDate) throw new RangeError(`fromDate ${command.fromDate} is after toDate ${command.toDate}: the API refuses it with a 400`);
  if (stoppage.status === 'closed') throw new StoppageClosed(stoppage.stoppageId);
  const endDate = effectiveEndDate(stoppage);
  if (command.fromDate < stoppage.startDate || command.toDate > endDate) {
    throw new SubrogationOutsideStoppage(stoppage.stoppageId, command.fromDate, command.toDate, stoppage.startDate, endDate);
  }
  const overlapped = (stoppage.subrogations ?? []).find((other) => command.fromDate <= other.toDate && other.fromDate <= command.toDate);
  if (overlapped) throw new SubrogationsOverlap(stoppage.stoppageId, command.fromDate, command.toDate, overlapped.subrogationId);
  return [
    {
      type: 'SubrogationRecorded',
      schemaVersion: 1,
      data: {
        stoppageId: stoppage.stoppageId,
        subrogationId: command.subrogationId,
        employerId: command.employerId,
        fromDate: command.fromDate,
        toDate: command.toDate,
        employerAccount: employerAccount(command, state, stoppage),
        recordedOn: context.today,
      },
    },
  ];
}

/** The account given now, else the latest one given for this employer on any of the policyholder's stoppages. */
function employerAccount(command: RecordSubrogation, state: PolicyholderState, stoppage: StoppageState): BankAccount {
  if (command.employerAccount) return definedOnly({ ...command.employerAccount });
  const known = [...state.stoppages.values()]
    .flatMap((candidate) => candidate.subrogations ?? [])
    .filter((subrogation) => subrogation.employerId === command.employerId)
    .at(-1);
  if (!known) throw new EmployerBankAccountUnknown(stoppage.stoppageId, command.employerId);
  return known.employerAccount;
}
