import { Money } from '@ij/money';
import type { MonthlySalary } from '@ij/rules';
import type { RecordSalaryCertificate } from '../commands/commands';
import { SalaryCertificateMonthsMismatch } from '../errors/payment-errors';
import type { SalaryCertificateRecorded } from '../events/policyholder-events';
import type { PolicyholderState } from '../state/policyholder-state';
import { calculationKind, chainStartDate, requireStoppage } from '../state/stoppage-queries';
import type { DecisionContext } from './decision-context';

/**
 * Allowed on a closed stoppage: a corrected certificate must be able to re-settle it. The months are
 * those of the chain's start under the active version (a continuation reuses its root's reference period,
 * ij-rules §4; a therapeutic part-time continuing a full-time chain, the chain kind's months, ij-rules §3).
 */
export function recordSalaryCertificate(
  command: RecordSalaryCertificate,
  state: PolicyholderState,
  context: DecisionContext,
): SalaryCertificateRecorded[] {
  const stoppage = requireStoppage(state, command.stoppageId);
  const expectedMonths = context.rules.requiredSalaryMonths(calculationKind(state, stoppage, context.rules), chainStartDate(state, stoppage, context.rules));
  const givenMonths = command.salaries.map((salary) => salary.month);
  if (!coversExactly(givenMonths, expectedMonths)) {
    throw new SalaryCertificateMonthsMismatch(stoppage.stoppageId, expectedMonths, givenMonths);
  }
  command.salaries.forEach(assertGrossSalary);
  return [
    {
      type: 'SalaryCertificateRecorded',
      schemaVersion: 1,
      data: {
        stoppageId: stoppage.stoppageId,
        salaries: command.salaries.map(({ month, grossCents }) => ({ month, grossCents })),
        recordedOn: context.today,
      },
    },
  ];
}

/** Each expected month once, and nothing else. */
function coversExactly(givenMonths: string[], expectedMonths: string[]): boolean {
  const given = new Set(givenMonths);
  return (
    given.size === givenMonths.length &&
    given.size === new Set(expectedMonths).size &&
    expectedMonths.every((month) => given.has(month))
  );
}

/** The API validates amounts; a negative salary reaching the domain is a bug. A month without pay is 0. */
function assertGrossSalary(salary: MonthlySalary): void {
  if (Money.fromCents(salary.grossCents).isNegative()) {
    throw new RangeError(`grossCents of ${salary.month} must not be negative, got ${salary.grossCents}`);
  }
}
