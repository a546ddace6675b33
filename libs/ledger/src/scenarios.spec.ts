/**
 * Whole journeys through decide and evolve, as the command handler runs them: each command is decided
 * on the folded history and its events appended, and the account is read at the end.
 */
import { stoppageAccount } from './accounts/stoppage-account';
import type { PolicyholderCommand } from './commands/commands';
import { decide } from './decisions/decide';
import type { DecisionContext } from './decisions/decision-context';
import type { PolicyholderEvent, StoppageRegularized } from './events/policyholder-events';
import { foldEvents } from './state/evolve';
import { commands } from './test-support/commands';
import { JUNE_END, JUNE_ENTITLEMENT_CENTS, STOPPAGE_ID } from './test-support/fixtures';
import { decisionContext } from './test-support/rules';

function run(steps: Array<[PolicyholderCommand, Partial<DecisionContext>?]>): PolicyholderEvent[] {
  return steps.reduce<PolicyholderEvent[]>(
    (history, [command, context]) => [...history, ...decide(command, foldEvents(history), decisionContext(context))],
    [],
  );
}

function regularizations(history: PolicyholderEvent[]): StoppageRegularized['data'][] {
  return history.filter((event): event is StoppageRegularized => event.type === 'StoppageRegularized').map((event) => event.data);
}

const account = (history: PolicyholderEvent[], through = JUNE_END) =>
  stoppageAccount(foldEvents(history), STOPPAGE_ID, decisionContext().rules, through);

describe('a stoppage from opening to settlement', () => {
  it('advance, certificate, regularization: the remainder is paid and the balance is zero', () => {
    const history = run([
      [commands.openStoppage()],
      [commands.issueAdvance({ amountCents: 30_000 })],
      [commands.recordSalaryCertificate()],
      [commands.regularize()],
    ]);
    expect(regularizations(history)).toMatchObject([{ outcome: 'PAID', paymentCents: JUNE_ENTITLEMENT_CENTS - 30_000 }]);
    expect(account(history)).toMatchObject({ paidCents: JUNE_ENTITLEMENT_CENTS, balanceCents: 0, overpaymentOutstandingCents: 0 });
    expect(foldEvents(history).stoppages.get(STOPPAGE_ID)?.status).toBe('closed');
  });

  it('an advance above the entitlement is assessed once, recovered, and leaves nothing due', () => {
    const history = run([
      [commands.openStoppage()],
      [commands.issueAdvance({ amountCents: 100_000 })],
      [commands.recordSalaryCertificate()],
      [commands.regularize({ regularizationId: 'r1' })],
      [commands.regularize({ regularizationId: 'r2' })],
      [commands.recordRecovery({ amountCents: 14_538 })],
      [commands.regularize({ regularizationId: 'r3' })],
    ]);
    expect(regularizations(history).map((regularization) => [regularization.outcome, regularization.overpaymentAssessedCents])).toEqual([
      ['OVERPAYMENT_ASSESSED', 14_538],
      ['NOTHING_DUE', 0],
      ['NOTHING_DUE', 0],
    ]);
    expect(account(history)).toMatchObject({ paidCents: JUNE_ENTITLEMENT_CENTS, balanceCents: 0, overpaymentOutstandingCents: 0 });
  });

  it('an early end after a payment turns the days after it into an overpayment', () => {
    const history = run([
      [commands.openStoppage()],
      [commands.recordSalaryCertificate()],
      [commands.regularize({ regularizationId: 'r1', through: '2025-06-20' })],
      [commands.endStoppageEarly({ lastDay: '2025-06-10' })],
      [commands.regularize({ regularizationId: 'r2', through: '2025-06-20' })],
    ]);
    // Paid 16 days (19 days less 3 of carence); due 6 (9 days less 3).
    expect(regularizations(history)).toMatchObject([
      { outcome: 'PAID', paymentCents: 16 * 3_287 },
      { outcome: 'OVERPAYMENT_ASSESSED', entitlementCents: 6 * 3_287, overpaymentAssessedCents: 10 * 3_287 },
    ]);
    expect(account(history)).toMatchObject({ balanceCents: -10 * 3_287, overpaymentOutstandingCents: 10 * 3_287 });
    expect(foldEvents(history).stoppages.get(STOPPAGE_ID)?.status).toBe('closed');
  });

  it('an extension is paid at the next regularization', () => {
    const history = run([
      [commands.openStoppage()],
      [commands.recordSalaryCertificate()],
      [commands.regularize({ regularizationId: 'r1', through: '2025-06-20' })],
      [commands.extendStoppage({ newEndDate: '2025-07-10' })],
      [commands.regularize({ regularizationId: 'r2', through: '2025-07-10' })],
    ]);
    // 39 days less 3 of carence, no new carence for an extension (ij-rules §4).
    expect(account(history, '2025-07-10')).toMatchObject({ entitlementCents: 36 * 3_287, paidCents: 36 * 3_287, balanceCents: 0 });
  });
});
