import { LocalDate } from '@js-joda/core';
import { effectiveEndDate, type StoppageState } from '@ij/ledger';
import { hasLeft, leftOn, type Outgoing } from './money-out';

/**
 * How far a stoppage's money went, read from its regularizations and their outgoing money (money-out.ts).
 * A regularization through D settles every day up to D; those days are **paid** once its money has left in
 * a bank file (a regularization that moved no money — the advances covered it, or offsets took it all —
 * pays them when it is recorded). The stoppage is paid through the `through` of the last regularization
 * before the first one whose money is still held, never past its last day.
 */
export function paidThrough(stoppage: StoppageState, outgoings: readonly Outgoing[]): string | null {
  let through: string | null = null;
  for (const regularization of stoppage.regularizations) {
    if (moneyOfRegularizationLeftOn(regularization, outgoings) === undefined) break;
    const capped = regularization.through < effectiveEndDate(stoppage) ? regularization.through : effectiveEndDate(stoppage);
    if (through === null || capped > through) through = capped;
  }
  return through;
}

/**
 * When the money a regularization settled had left: its own transfers' export, or, when it moved no money
 * itself, the latest export of the advances issued up to it (they paid those days), else its own date (nothing
 * moved: the days were settled by offsetting). Undefined while any of that money is held (ORDERED, or
 * RETURNED and not ordered again).
 */
export function moneyOfRegularizationLeftOn(regularization: StoppageState['regularizations'][number], outgoings: readonly Outgoing[]): string | undefined {
  const own = outgoings.filter((outgoing) => outgoing.sourceId === regularization.regularizationId);
  if (own.length > 0) return leftOn(outgoings, 'REGULARIZATION', regularization.regularizationId);
  const advances = outgoings.filter((outgoing) => outgoing.source === 'ADVANCE' && outgoing.orderedOn <= regularization.regularizedOn);
  if (advances.length === 0) return regularization.regularizedOn;
  let latest: string | undefined;
  for (const advance of advances) {
    const left = leftOn(outgoings, 'ADVANCE', advance.sourceId);
    if (left === undefined) return undefined;
    if (latest === undefined || left > latest) latest = left;
  }
  return latest;
}

/** The first day of the stoppage not covered by money that left: the day after `paidThrough`, else its start. */
export function firstUncoveredDay(stoppage: StoppageState, paid: string | null): string {
  return paid === null ? stoppage.startDate : LocalDate.parse(paid).plusDays(1).toString();
}

/** The latest date an advance of the stoppage left (money the policyholder received for days not yet settled). */
export function lastAdvanceLeftOn(outgoings: readonly Outgoing[]): string | undefined {
  return outgoings
    .filter((outgoing) => outgoing.source === 'ADVANCE' && hasLeft(outgoing))
    .map((outgoing) => outgoing.exportedOn!)
    .reduce<string | undefined>((latest, date) => (latest === undefined || date > latest ? date : latest), undefined);
}
