import { ChronoUnit, LocalDate } from '@js-joda/core';
import { effectiveEndDate, policyholderAccount, type StoppageState } from '@ij/ledger';
import type { RulesVersion, StoppageKind } from '@ij/rules';
import { toPolicyholderState, type PolicyholderDocument } from '../model/policyholder-document';
import { outgoingOf } from './money-out';
import { moneyOfRegularizationLeftOn } from './stoppage-progress';

/** One payable day of the window and when its money left (absent: it has not yet). */
export interface PayableDay {
  policyholderId: string;
  stoppageId: string;
  kind: StoppageKind;
  date: string;
  /** The export of the money that paid it. */
  paidOn?: string;
  /** Whole days from the day to `paidOn` (0 when the money left before the day: an advance paid ahead). */
  delayDays?: number;
  /** Not paid yet: whole days from the day to `asOf`. */
  waitingDays?: number;
}

export function daysBetween(from: string, to: string): number {
  return ChronoUnit.DAYS.between(LocalDate.parse(from), LocalDate.parse(to));
}

/**
 * The payable days (the rules engine's day lines marked paid: carence, limits and days after an early end
 * are not) of a policyholder's stoppages between `from` and `to`, under the given rules, each with the date
 * its money left (decision, README "Timeliness"): a day is paid by the first regularization that settles
 * it (`through` on or after it), when that regularization's money left in a bank file — or, if it moved no
 * money because advances covered the days, when those advances left. A later regularization that corrects
 * the amount (a rules fix) does not move the day's date: the replay and the backlog measure corrections.
 */
export function payableDayDelays(document: PolicyholderDocument, rules: RulesVersion, from: string, to: string, asOf: string): PayableDay[] {
  const inWindow = document.stoppages.filter((stoppage) => stoppage.startDate <= to && effectiveEndDate(stoppage) >= from && !isAnnulled(stoppage));
  if (inWindow.length === 0) return [];
  const account = policyholderAccount(toPolicyholderState(document), rules, to);
  return inWindow.flatMap((stoppage) => {
    const entitlement = account.stoppages.find((candidate) => candidate.stoppageId === stoppage.stoppageId)!.entitlement;
    if (entitlement.status === 'NO_PARAMETERS_FOR_DATE') return [];
    const outgoings = outgoingOf(document, stoppage);
    const settlements = stoppage.regularizations.map((regularization) => ({ through: regularization.through, leftOn: moneyOfRegularizationLeftOn(regularization, outgoings) }));
    return entitlement.days
      .filter((day) => day.paid && day.date >= from && day.date <= to)
      .map((day): PayableDay => {
        const base = { policyholderId: document.policyholderId, stoppageId: stoppage.stoppageId, kind: stoppage.kind, date: day.date };
        const paidOn = settlements.find((settlement) => settlement.through >= day.date)?.leftOn;
        if (paidOn === undefined) return { ...base, waitingDays: Math.max(0, daysBetween(day.date, asOf)) };
        return { ...base, paidOn, delayDays: Math.max(0, daysBetween(day.date, paidOn)) };
      });
  });
}

export function isAnnulled(stoppage: StoppageState): boolean {
  return stoppage.annulled !== undefined;
}
