import { requireStoppage, stoppageAccount, type AccountTotals, type StoppageState } from '@ij/ledger';
import type { RulesVersion } from '@ij/rules';
import { toPolicyholderState, type PolicyholderDocument } from '../model/policyholder-document';

/** The facts and payments of a stoppage, with its money (libs/ledger's account totals, bar the assessed and cancelled overpayments). */
export interface StoppageView extends Omit<AccountTotals, 'assessedCents' | 'cancelledCents' | 'returnedOwedCents'> {
  stoppageId: string;
  policyholderId: string;
  kind: StoppageState['kind'];
  status: StoppageState['status'];
  startDate: string;
  endDate: string;
  lastDay?: string;
  prescribedOn?: string;
  prolongationOf?: string;
  ald?: { affectionId: string };
  accidentDate?: string;
  dailyLossOfEarningsCents?: number;
  /** The employer's SIRET, when given at opening. */
  employerId?: string;
  /** Set once annulled (entered in error): nothing is due for it any more. */
  annulled?: StoppageState['annulled'];
  /** Its changes of kind, oldest first. */
  requalifications?: StoppageState['requalifications'];
  openedOn: string;
  salaries?: StoppageState['salaries'];
  extensions: StoppageState['extensions'];
  advances: StoppageState['advances'];
  regularizations: StoppageState['regularizations'];
  recoveries: StoppageState['recoveries'];
  rulesVersion: string;
  through: string;
  /** COMPUTED, MISSING_SALARY_CERTIFICATE or NO_PARAMETERS_FOR_DATE (then the entitlement counts as 0). */
  entitlementStatus: string;
  missingSalaryMonths?: string[];
}

/** GET /v1/stoppages/{id}: the facts and payments, with the amounts of the given (active) rules through a date. */
export function stoppageView(document: PolicyholderDocument, stoppageId: string, rules: RulesVersion, through: string): StoppageView {
  const state = toPolicyholderState(document);
  const stoppage = requireStoppage(state, stoppageId);
  const account = stoppageAccount(state, stoppageId, rules, through);
  const { aldAffectionId, ...facts } = stoppage;
  const view: StoppageView = {
    stoppageId,
    policyholderId: document.policyholderId,
    kind: facts.kind,
    status: facts.status,
    startDate: facts.startDate,
    endDate: facts.endDate,
    ...definedFields({
      lastDay: facts.lastDay,
      prescribedOn: facts.prescribedOn,
      prolongationOf: facts.prolongationOf,
      ald: aldAffectionId === undefined ? undefined : { affectionId: aldAffectionId },
      accidentDate: facts.accidentDate,
      dailyLossOfEarningsCents: facts.dailyLossOfEarningsCents,
      salaries: facts.salaries,
      employerId: facts.employerId,
      annulled: facts.annulled,
      requalifications: facts.requalifications,
    }),
    openedOn: facts.openedOn,
    extensions: facts.extensions,
    advances: facts.advances,
    regularizations: facts.regularizations,
    recoveries: facts.recoveries,
    rulesVersion: rules.version,
    through,
    entitlementStatus: account.entitlement.status,
    entitlementCents: account.entitlementCents,
    paidCents: account.paidCents,
    balanceCents: account.balanceCents,
    overpaymentOutstandingCents: account.overpaymentOutstandingCents,
    advancesCents: account.advancesCents,
    paymentsCents: account.paymentsCents,
    recoveredCents: account.recoveredCents,
  };
  if (account.entitlement.status === 'MISSING_SALARY_CERTIFICATE') view.missingSalaryMonths = account.entitlement.missingMonths;
  return view;
}

function definedFields<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
