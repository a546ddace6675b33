import { Money, sum } from '@ij/money';
import type { AdvanceRecord, StoppageState } from '@ij/ledger';
import type { StoppageKind } from '@ij/rules';
import type { PolicyholderDocument } from '../model/policyholder-document';

/**
 * The share of an allowance that is taxable income (CGI art. 80 quinquies; decision, README "Statements"):
 * occupational allowances half, long-term illness (ALD) allowances none, every other kind all of it.
 */
export type TaxableShare = '1' | '0.5' | '0';

/**
 * The taxable base of an allowance is its gross less the CSG withheld on it. The law deducts only the
 * deductible part of the CSG (3.8 of its 6.2 points); ij-rules §2 does not split it, so the whole CSG
 * withheld is deducted (decision, to revise when the parameters give the split). An advance is paid
 * without any withholding (AdvanceIssued records none, and the regularization withholds only on what it
 * transfers), so a reclassified advance is taxable on its whole amount.
 */
export const TAXABLE_BASE = 'ALLOWANCE_GROSS_LESS_CSG_WITHHELD';

export interface StatementAdvance {
  advanceId: string;
  stoppageId: string;
  kind: StoppageKind;
  issuedOn: string;
  amountCents: number;
  /** Settled by a regularization: from then on an allowance, shown in the month of `reclassifiedOn`. */
  reclassified: boolean;
  reclassifiedOn?: string;
}

export interface StatementAmounts {
  /** Provisional payments issued this month: not allowances yet. */
  advancesCents: number;
  /** Earlier advances a regularization settled this month: counted from now on as allowances. */
  reclassifiedAdvancesCents: number;
  /** Allowances of the policyholder: their payments (gross) and the advances reclassified this month. */
  allowancesGrossCents: number;
  allowancesByKind: Partial<Record<StoppageKind, number>>;
  csgCents: number;
  crdsCents: number;
  /** What reached the policyholder: the advances issued and the net of their payments. */
  netPaidCents: number;
  taxableCents: number;
  /** Allowances paid to a subrogated employer (gross): not the policyholder's income. */
  paidToEmployerCents: number;
  /** Recoveries recorded and deductions from later payments (offsets). */
  overpaymentsRecoveredCents: number;
}

export interface StatementMonth extends StatementAmounts {
  month: string;
  advances: StatementAdvance[];
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
  issuedAdvances: Money;
  reclassified: Money;
  byKind: Map<StoppageKind, Money>;
  csg: Money;
  crds: Money;
  net: Money;
  /** Taxable bases by share: the share is applied once per month, rounded half-up. */
  fullyTaxable: Money;
  halfTaxable: Money;
  employer: Money;
  recovered: Money;
}

/**
 * GET /v1/policyholders/{id}/statements/{year}: every month of the year by the date money moved: advances
 * by their issue date, payments by their order date (the regularization's), recoveries and offsets by theirs.
 */
export function policyholderStatement(document: PolicyholderDocument, year: number): PolicyholderStatement {
  const tallies = Array.from({ length: 12 }, emptyTally);
  const tallyOf = (date: string): MonthTally | undefined => (Number(date.slice(0, 4)) === year ? tallies[Number(date.slice(5, 7)) - 1] : undefined);
  for (const stoppage of document.stoppages) {
    addAdvances(stoppage, document.advancesRegularized[stoppage.stoppageId] ?? 0, tallyOf);
    addPayments(stoppage, tallyOf);
    for (const recovery of stoppage.recoveries) addTo(tallyOf(recovery.recordedOn), 'recovered', recovery.amountCents);
    for (const offset of stoppage.offsets ?? []) addTo(tallyOf(offset.offsetOn), 'recovered', offset.amountCents);
  }
  const months = tallies.map((tally, index) => ({ month: `${year}-${String(index + 1).padStart(2, '0')}`, ...amountsOf(tally), advances: tally.advances }));
  return { policyholderId: document.policyholderId, year, taxableBase: TAXABLE_BASE, months, totals: totalOf(months) };
}

export function taxableShareOf(stoppage: Pick<StoppageState, 'kind' | 'aldAffectionId'>): TaxableShare {
  if (stoppage.aldAffectionId !== undefined) return '0';
  return stoppage.kind === 'OCCUPATIONAL_ACCIDENT' || stoppage.kind === 'OCCUPATIONAL_DISEASE' ? '0.5' : '1';
}

/**
 * The first `regularizedCount` advances were settled (the projection counts them: dates alone cannot order an
 * advance and a regularization of the same day); each is reclassified on the first regularization dated on or
 * after its issue.
 */
function addAdvances(stoppage: StoppageState, regularizedCount: number, tallyOf: (date: string) => MonthTally | undefined): void {
  stoppage.advances.forEach((advance, index) => {
    const reclassifiedOn = index < regularizedCount ? reclassificationDate(stoppage, advance) : undefined;
    const line: StatementAdvance = {
      advanceId: advance.advanceId,
      stoppageId: stoppage.stoppageId,
      kind: stoppage.kind,
      issuedOn: advance.issuedOn,
      amountCents: advance.amountCents,
      reclassified: reclassifiedOn !== undefined,
      ...(reclassifiedOn === undefined ? {} : { reclassifiedOn }),
    };
    const issued = tallyOf(advance.issuedOn);
    if (issued) {
      issued.advances.push(line);
      issued.issuedAdvances = issued.issuedAdvances.plus(Money.fromCents(advance.amountCents));
      issued.net = issued.net.plus(Money.fromCents(advance.amountCents));
    }
    const reclassified = reclassifiedOn === undefined ? undefined : tallyOf(reclassifiedOn);
    if (!reclassified) return;
    reclassified.reclassified = reclassified.reclassified.plus(Money.fromCents(advance.amountCents));
    addAllowance(reclassified, stoppage, Money.fromCents(advance.amountCents));
  });
}

function reclassificationDate(stoppage: StoppageState, advance: AdvanceRecord): string | undefined {
  const regularizations = stoppage.regularizations;
  return (regularizations.find((regularization) => regularization.regularizedOn >= advance.issuedOn) ?? regularizations.at(-1))?.regularizedOn;
}

/** The recorded CSG, CRDS and net of each transfer: never recomputed. */
function addPayments(stoppage: StoppageState, tallyOf: (date: string) => MonthTally | undefined): void {
  for (const order of stoppage.paymentOrders ?? []) {
    const tally = tallyOf(order.orderedOn);
    if (!tally) continue;
    if (order.payee === 'EMPLOYER') {
      tally.employer = tally.employer.plus(Money.fromCents(order.grossCents));
      continue;
    }
    const csg = Money.fromCents(order.csgCents);
    tally.csg = tally.csg.plus(csg);
    tally.crds = tally.crds.plus(Money.fromCents(order.crdsCents));
    tally.net = tally.net.plus(Money.fromCents(order.netCents));
    addAllowance(tally, stoppage, Money.fromCents(order.grossCents), csg);
  }
}

function addAllowance(tally: MonthTally, stoppage: StoppageState, gross: Money, csgWithheld: Money = Money.zero()): void {
  tally.byKind.set(stoppage.kind, (tally.byKind.get(stoppage.kind) ?? Money.zero()).plus(gross));
  const share = taxableShareOf(stoppage);
  if (share === '1') tally.fullyTaxable = tally.fullyTaxable.plus(gross.minus(csgWithheld));
  if (share === '0.5') tally.halfTaxable = tally.halfTaxable.plus(gross.minus(csgWithheld));
}

function addTo(tally: MonthTally | undefined, field: 'recovered', cents: number): void {
  if (tally) tally[field] = tally[field].plus(Money.fromCents(cents));
}

function amountsOf(tally: MonthTally): StatementAmounts {
  const byKind = [...tally.byKind.entries()];
  return {
    advancesCents: tally.issuedAdvances.toCents(),
    reclassifiedAdvancesCents: tally.reclassified.toCents(),
    allowancesGrossCents: sum(byKind.map(([, amount]) => amount)).toCents(),
    allowancesByKind: Object.fromEntries(byKind.map(([kind, amount]) => [kind, amount.toCents()])),
    csgCents: tally.csg.toCents(),
    crdsCents: tally.crds.toCents(),
    netPaidCents: tally.net.toCents(),
    taxableCents: tally.fullyTaxable.plus(tally.halfTaxable.times('0.5', 'halfUp')).toCents(),
    paidToEmployerCents: tally.employer.toCents(),
    overpaymentsRecoveredCents: tally.recovered.toCents(),
  };
}

const SUMMED: ReadonlyArray<Exclude<keyof StatementAmounts, 'allowancesByKind'>> = [
  'advancesCents', 'reclassifiedAdvancesCents', 'allowancesGrossCents', 'csgCents', 'crdsCents', 'netPaidCents', 'taxableCents', 'paidToEmployerCents', 'overpaymentsRecoveredCents',
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
  return { advances: [], issuedAdvances: zero, reclassified: zero, byKind: new Map(), csg: zero, crds: zero, net: zero, fullyTaxable: zero, halfTaxable: zero, employer: zero, recovered: zero };
}
