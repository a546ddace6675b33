import { Money, sum } from '@ij/money';
import type { StoppageState, TransferRecord } from '@ij/ledger';
import type { RulesVersion, StoppageKind } from '@ij/rules';
import type { PolicyholderDocument } from '../model/policyholder-document';

/**
 * The share of an allowance that is taxable income (CGI art. 80 quinquies; ij-rules §5): occupational
 * allowances half, long-term illness (ALD) allowances none, every other kind all of it.
 */
export type TaxableShare = '1' | '0.5' | '0';

/**
 * ij-rules §5: the taxable base of an allowance is its gross less the deductible CSG (3.8 of its 6.2
 * points of the gross it was withheld on, the rate of the rules version's parameters on the day it was
 * paid), times the kind's share; recovered overpayments are taken off in the month they are recovered.
 */
export const TAXABLE_BASE = 'ALLOWANCE_GROSS_LESS_DEDUCTIBLE_CSG';

export interface StatementAdvance {
  advanceId: string;
  stoppageId: string;
  kind: StoppageKind;
  issuedOn: string;
  amountCents: number;
}

/** A transfer the bank returned, and the transfer that paid it again (when one did). */
export interface StatementReturn {
  transferId: string;
  stoppageId: string;
  netCents: number;
  returnedOn: string;
  reasonCode: string;
  repaidBy?: string;
  repaidOn?: string;
}

export interface StatementAmounts {
  /** Advances issued this month: allowances of the month they are paid (CGI art. 12), never moved. */
  advancesCents: number;
  /** Allowances of the policyholder paid this month (gross): advances and regularization payments. */
  allowancesGrossCents: number;
  allowancesByKind: Partial<Record<StoppageKind, number>>;
  csgCents: number;
  crdsCents: number;
  /** The deductible part of the CSG (3.8 points of the gross). */
  deductibleCsgCents: number;
  /** What was ordered to the policyholder's account: the net of advances and payments. */
  netPaidCents: number;
  /** (gross − deductible CSG) × the kind's share, less what recoveries of overpayments take back this month. */
  taxableCents: number;
  /** Allowances paid to a subrogated employer (gross): not the policyholder's income. */
  paidToEmployerCents: number;
  /** Recoveries recorded and deductions from later payments (offsets). */
  overpaymentsRecoveredCents: number;
  /** Transfers the bank returned this month (net), and returned transfers paid again this month (net). */
  returnedCents: number;
  repaidCents: number;
}

export interface StatementMonth extends StatementAmounts {
  month: string;
  advances: StatementAdvance[];
  returns: StatementReturn[];
}

export interface PolicyholderStatement {
  policyholderId: string;
  year: number;
  taxableBase: typeof TAXABLE_BASE;
  months: StatementMonth[];
  totals: StatementAmounts;
}

/** The movements of one month, kept as Money until the statement is written out. */
interface MonthTally {
  advances: StatementAdvance[];
  returns: StatementReturn[];
  issuedAdvances: Money;
  byKind: Map<StoppageKind, Money>;
  csg: Money;
  crds: Money;
  deductibleCsg: Money;
  net: Money;
  /** Taxable bases by share: the share is applied once per month, rounded half-up. */
  fullyTaxable: Money;
  halfTaxable: Money;
  employer: Money;
  recovered: Money;
  returned: Money;
  repaid: Money;
}

type Rules = Pick<RulesVersion, 'socialContributionsOn'>;

/**
 * GET /v1/policyholders/{id}/statements/{year}: every month of the year by the day money was paid (ij-rules
 * §5): advances by their issue date, payments by their order date, recoveries and offsets by theirs; each
 * with the CSG and CRDS its transfer withheld (never recomputed). A transfer returned and paid again is
 * shown in the months of its return and of its new payment; the allowance stays in the month it was paid.
 */
export function policyholderStatement(document: PolicyholderDocument, year: number, rules: Rules): PolicyholderStatement {
  const tallies = Array.from({ length: 12 }, emptyTally);
  const tallyOf = (date: string): MonthTally | undefined => (Number(date.slice(0, 4)) === year ? tallies[Number(date.slice(5, 7)) - 1] : undefined);
  const transfers = document.transfers ?? [];
  for (const stoppage of document.stoppages) {
    addAdvances(stoppage, transfers, tallyOf, rules);
    addPayments(stoppage, tallyOf, rules);
    for (const recovery of stoppage.recoveries) addRecovery(tallyOf(recovery.recordedOn), stoppage, Money.fromCents(recovery.amountCents));
    for (const offset of stoppage.offsets ?? []) addRecovery(tallyOf(offset.offsetOn), stoppage, Money.fromCents(offset.amountCents));
  }
  addReturns(transfers, tallyOf);
  const months = tallies.map((tally, index) => ({ month: `${year}-${String(index + 1).padStart(2, '0')}`, ...amountsOf(tally), advances: tally.advances, returns: tally.returns }));
  return { policyholderId: document.policyholderId, year, taxableBase: TAXABLE_BASE, months, totals: totalOf(months) };
}

export function taxableShareOf(stoppage: Pick<StoppageState, 'kind' | 'aldAffectionId'>): TaxableShare {
  if (stoppage.aldAffectionId !== undefined) return '0';
  return stoppage.kind === 'OCCUPATIONAL_ACCIDENT' || stoppage.kind === 'OCCUPATIONAL_DISEASE' ? '0.5' : '1';
}

/** An advance is an allowance of the month it is issued; its transfer says what was withheld (none before #17). */
function addAdvances(stoppage: StoppageState, transfers: readonly TransferRecord[], tallyOf: (date: string) => MonthTally | undefined, rules: Rules): void {
  for (const advance of stoppage.advances) {
    const tally = tallyOf(advance.issuedOn);
    if (!tally) continue;
    const transfer = transfers.find((candidate) => candidate.source === 'ADVANCE' && candidate.sourceId === advance.advanceId);
    const gross = Money.fromCents(advance.amountCents);
    tally.advances.push({ advanceId: advance.advanceId, stoppageId: stoppage.stoppageId, kind: stoppage.kind, issuedOn: advance.issuedOn, amountCents: advance.amountCents });
    tally.issuedAdvances = tally.issuedAdvances.plus(gross);
    addAllowance(tally, stoppage, gross, transfer ? gross : Money.zero(), advance.issuedOn, rules, transfer ?? { csgCents: 0, crdsCents: 0, netCents: advance.amountCents });
  }
}

/** The recorded CSG, CRDS and net of each payment: never recomputed. */
function addPayments(stoppage: StoppageState, tallyOf: (date: string) => MonthTally | undefined, rules: Rules): void {
  for (const order of stoppage.paymentOrders ?? []) {
    const tally = tallyOf(order.orderedOn);
    if (!tally) continue;
    if (order.payee === 'EMPLOYER') {
      tally.employer = tally.employer.plus(Money.fromCents(order.grossCents));
      continue;
    }
    // The allowance is the gross (an offset pays the policyholder's debt with it); CSG was withheld on the transferred part.
    addAllowance(tally, stoppage, Money.fromCents(order.grossCents), Money.fromCents(order.transferredGrossCents), order.orderedOn, rules, order);
  }
}

/** `withheldOn` is the gross the CSG was withheld on: its deductible part is 3.8 % of it (none when nothing was withheld). */
function addAllowance(tally: MonthTally, stoppage: StoppageState, gross: Money, withheldOn: Money, paidOn: string, rules: Rules, withheld: { csgCents: number; crdsCents: number; netCents: number }): void {
  tally.byKind.set(stoppage.kind, (tally.byKind.get(stoppage.kind) ?? Money.zero()).plus(gross));
  tally.csg = tally.csg.plus(Money.fromCents(withheld.csgCents));
  tally.crds = tally.crds.plus(Money.fromCents(withheld.crdsCents));
  tally.net = tally.net.plus(Money.fromCents(withheld.netCents));
  // Only CSG actually withheld is deductible: an advance of release 13 was paid without any.
  const deductible = withheld.csgCents === 0 ? Money.zero() : deductibleCsg(withheldOn, paidOn, rules);
  tally.deductibleCsg = tally.deductibleCsg.plus(deductible);
  addTaxable(tally, stoppage, gross.minus(deductible));
}

/**
 * A recovered overpayment gives back allowances already taxed: it reduces the taxable income of the month
 * it is recovered in by its amount, at its stoppage's share (the CSG withheld on it is not given back).
 */
function addRecovery(tally: MonthTally | undefined, stoppage: StoppageState, amount: Money): void {
  if (!tally) return;
  tally.recovered = tally.recovered.plus(amount);
  addTaxable(tally, stoppage, amount.negate());
}

function addTaxable(tally: MonthTally, stoppage: StoppageState, base: Money): void {
  const share = taxableShareOf(stoppage);
  if (share === '1') tally.fullyTaxable = tally.fullyTaxable.plus(base);
  if (share === '0.5') tally.halfTaxable = tally.halfTaxable.plus(base);
}

function deductibleCsg(gross: Money, on: string, rules: Rules): Money {
  return gross.times(rules.socialContributionsOn(on).deductibleCsgRate, 'halfUp');
}

/** Returned transfers to the policyholder in the month of their return, their new payment in its own. */
function addReturns(transfers: readonly TransferRecord[], tallyOf: (date: string) => MonthTally | undefined): void {
  for (const transfer of transfers) {
    if (transfer.status !== 'RETURNED' || transfer.payee !== 'POLICYHOLDER' || transfer.returnedOn === undefined) continue;
    const repaid = transfer.reorderedAs === undefined ? undefined : transfers.find((candidate) => candidate.transferId === transfer.reorderedAs);
    const line: StatementReturn = {
      transferId: transfer.transferId,
      stoppageId: transfer.stoppageId,
      netCents: transfer.netCents,
      returnedOn: transfer.returnedOn,
      reasonCode: transfer.returnReason?.code ?? '',
      ...(repaid ? { repaidBy: repaid.transferId, repaidOn: repaid.orderedOn } : {}),
    };
    const returnedIn = tallyOf(transfer.returnedOn);
    if (returnedIn) {
      returnedIn.returns.push(line);
      returnedIn.returned = returnedIn.returned.plus(Money.fromCents(transfer.netCents));
    }
    const repaidIn = repaid ? tallyOf(repaid.orderedOn) : undefined;
    if (repaidIn) repaidIn.repaid = repaidIn.repaid.plus(Money.fromCents(repaid!.netCents));
  }
}

function amountsOf(tally: MonthTally): StatementAmounts {
  const byKind = [...tally.byKind.entries()];
  return {
    advancesCents: tally.issuedAdvances.toCents(),
    allowancesGrossCents: sum(byKind.map(([, amount]) => amount)).toCents(),
    allowancesByKind: Object.fromEntries(byKind.map(([kind, amount]) => [kind, amount.toCents()])),
    csgCents: tally.csg.toCents(),
    crdsCents: tally.crds.toCents(),
    deductibleCsgCents: tally.deductibleCsg.toCents(),
    netPaidCents: tally.net.toCents(),
    taxableCents: tally.fullyTaxable.plus(tally.halfTaxable.times('0.5', 'halfUp')).toCents(),
    paidToEmployerCents: tally.employer.toCents(),
    overpaymentsRecoveredCents: tally.recovered.toCents(),
    returnedCents: tally.returned.toCents(),
    repaidCents: tally.repaid.toCents(),
  };
}

const SUMMED: ReadonlyArray<Exclude<keyof StatementAmounts, 'allowancesByKind'>> = [
  'advancesCents', 'allowancesGrossCents', 'csgCents', 'crdsCents', 'deductibleCsgCents', 'netPaidCents', 'taxableCents', 'paidToEmployerCents', 'overpaymentsRecoveredCents', 'returnedCents', 'repaidCents',
];

/** The year is the sum of its months, so a statement always adds up. */
function totalOf(months: StatementAmounts[]): StatementAmounts {
  const total = (cents: number[]) => sum(cents.map((amount) => Money.fromCents(amount))).toCents();
  const kinds = [...new Set(months.flatMap((month) => Object.keys(month.allowancesByKind) as StoppageKind[]))];
  const totals = Object.fromEntries(SUMMED.map((field) => [field, total(months.map((month) => month[field]))])) as Omit<StatementAmounts, 'allowancesByKind'>;
  return { ...totals, allowancesByKind: Object.fromEntries(kinds.map((kind) => [kind, total(months.map((month) => month.allowancesByKind[kind] ?? 0))])) };
}

function emptyTally(): MonthTally {
  const zero = Money.zero();
  return { advances: [], returns: [], issuedAdvances: zero, byKind: new Map(), csg: zero, crds: zero, deductibleCsg: zero, net: zero, fullyTaxable: zero, halfTaxable: zero, employer: zero, recovered: zero, returned: zero, repaid: zero };
}
