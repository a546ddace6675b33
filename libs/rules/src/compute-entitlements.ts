import { Money, type ScaledDecimal } from '@ij/money';
import type { Tariff } from './calculators/calculation.types';
import { CALCULATORS } from './calculators/daily-allowance';
import { MissingParameter, parameterOn } from './calculators/missing-parameter';
import { toEpochDay } from './dates';
import { euros, step } from './explanation';
import { netFactor } from './net-amount';
import { calculationKindOf, resolveChains, type ChainLink } from './paid-days/chains';
import { certificateHolderOf } from './certificate-of';
import { capAtDailyLossOfEarnings } from './calculators/therapeutic-part-time.calculator';
import { classifyDays, type ClassifiedDays } from './paid-days/classify-days';
import { buildDayLines, sumPayableDays } from './paid-days/day-lines';
import { prepareStoppages, type PreparedStoppage } from './paid-days/prepared-stoppage';
import type { RulesVersionDefinition } from './rules-version-definition';
import type {
  ComputedEntitlement,
  ExplanationStep,
  MissingSalaryCertificate,
  NoParametersForDate,
  PolicyholderFacts,
  StoppageEntitlement,
  StoppageEntitlementCents,
} from './rules.types';
import { sharedRequiredSalaryMonths, salaryByMonth } from './salary-months';

/** Entitlement of every stoppage of a policyholder through `through` (inclusive), in input order. */
export function computeEntitlements(definition: RulesVersionDefinition, facts: PolicyholderFacts, through: string): StoppageEntitlement[] {
  const throughEpochDay = toEpochDay(through);
  const stoppages = prepareStoppages(facts.stoppages);
  const links = resolveChains(stoppages, definition.parameters, definition.behaviour);
  const classified = classifyDays(stoppages, links, definition.parameters, definition.behaviour);
  return stoppages.map((stoppage) => {
    const days = classified[stoppage.index];
    const head = { stoppageId: stoppage.facts.stoppageId, kind: stoppage.facts.kind, rulesVersion: definition.version };
    if (days.status === 'NO_PARAMETERS') return { status: 'NO_PARAMETERS_FOR_DATE', ...head, date: days.date, parameter: days.parameter };
    const context: StoppageContext = { definition, stoppages, stoppage, link: links[stoppage.index], days, through, throughEpochDay };
    return entitlementOf(context);
  });
}

interface StoppageContext {
  definition: RulesVersionDefinition;
  stoppages: readonly PreparedStoppage[];
  stoppage: PreparedStoppage;
  link: ChainLink;
  days: ClassifiedDays;
  through: string;
  throughEpochDay: number;
}

function entitlementOf(context: StoppageContext): StoppageEntitlement {
  const priced = priceStoppage(context, true);
  if (priced instanceof MissingParameter) return noParameters(context, priced);
  const identity = identitySteps(context, priced.root, priced.requiredMonths);
  if (priced.missingMonths.length > 0) return missingCertificate(context, identity, priced.missingMonths);
  return computed(context, priced.tariff, priced.net, identity);
}

/** The cents-only view of a full entitlement: what computeEntitlementCents answers for the same stoppage. */
export function toEntitlementCents(entitlement: StoppageEntitlement): StoppageEntitlementCents {
  switch (entitlement.status) {
    case 'COMPUTED': {
      const { phases: _phases, days: _days, steps: _steps, ...cents } = entitlement;
      return cents;
    }
    case 'MISSING_SALARY_CERTIFICATE': {
      const { days: _days, steps: _steps, ...cents } = entitlement;
      return cents;
    }
    case 'NO_PARAMETERS_FOR_DATE':
      return entitlement;
  }
}

interface PricedStoppage {
  root: PreparedStoppage;
  requiredMonths: readonly string[];
  missingMonths: string[];
  tariff: Tariff;
  net: ScaledDecimal;
}

/** The tariff and net factor of a stoppage (shared by the full and the cents-only paths), or the parameter that is missing. */
function priceStoppage(context: StoppageContext, explain: boolean): PricedStoppage | MissingParameter {
  const { definition, stoppage } = context;
  const { parameters } = definition;
  const root = context.stoppages[context.link.rootIndex];
  const ownKind = stoppage.facts.kind;
  // A therapeutic part-time continuing a full-time chain is computed as that chain's kind (2026.3, ij-rules §3).
  const kind = calculationKindOf(ownKind, root.facts.kind);
  const requiredMonths = sharedRequiredSalaryMonths(parameters, kind, root.facts.startDate);
  const salaries = salaryByMonth(certificateHolderOf(definition.behaviour, stoppage, root, requiredMonths).facts.salaries);
  const missingMonths = requiredMonths.filter((month) => !salaries.has(month));
  try {
    // Parameters are checked before the certificate: without them not even the required cap is known.
    const chainTariff = CALCULATORS[kind]({
      kind,
      parameters,
      behaviour: definition.behaviour,
      chainStartDate: root.facts.startDate,
      chainStartEpochDay: root.startEpochDay,
      stoppageStartEpochDay: stoppage.startEpochDay,
      stoppageEndEpochDay: stoppage.endEpochDay,
      salaryByMonth: salaries,
      requiredMonths,
      dailyLossOfEarningsCents: stoppage.facts.dailyLossOfEarningsCents,
      explain,
    });
    const tariff = kind === ownKind ? chainTariff : capAtDailyLossOfEarnings(chainTariff, stoppage.facts.dailyLossOfEarningsCents, explain);
    const net = netFactor(parameterOn(parameters.socialContributions, root.startEpochDay).value);
    return { root, requiredMonths, missingMonths, tariff, net };
  } catch (error) {
    if (error instanceof MissingParameter) return error;
    throw error;
  }
}

/**
 * The cents-only path: the same classification, tariff and sums as computeEntitlements, without day
 * lines, explanation steps or formatting. Gives exactly the same cents, payable days and statuses.
 */
export function computeEntitlementCents(definition: RulesVersionDefinition, facts: PolicyholderFacts, through: string): StoppageEntitlementCents[] {
  const throughEpochDay = toEpochDay(through);
  const stoppages = prepareStoppages(facts.stoppages);
  const links = resolveChains(stoppages, definition.parameters, definition.behaviour);
  const classified = classifyDays(stoppages, links, definition.parameters, definition.behaviour);
  const results: StoppageEntitlementCents[] = new Array(stoppages.length);
  for (let index = 0; index < stoppages.length; index += 1) {
    const stoppage = stoppages[index];
    const days = classified[index];
    const { stoppageId, kind } = stoppage.facts;
    if (days.status === 'NO_PARAMETERS') {
      results[index] = { status: 'NO_PARAMETERS_FOR_DATE', stoppageId, kind, rulesVersion: definition.version, date: days.date, parameter: days.parameter };
      continue;
    }
    const context: StoppageContext = { definition, stoppages, stoppage, link: links[index], days, through, throughEpochDay };
    const priced = priceStoppage(context, false);
    if (priced instanceof MissingParameter) {
      results[index] = { status: 'NO_PARAMETERS_FOR_DATE', stoppageId, kind, rulesVersion: definition.version, date: priced.date, parameter: priced.parameter };
    } else if (priced.missingMonths.length > 0) {
      const payable = sumPayableDays(stoppage.startEpochDay, days, throughEpochDay, undefined);
      results[index] = { status: 'MISSING_SALARY_CERTIFICATE', stoppageId, kind, rulesVersion: definition.version, through, missingMonths: priced.missingMonths, payableDays: payable.payableDays };
    } else {
      const payable = sumPayableDays(stoppage.startEpochDay, days, throughEpochDay, priced.tariff.phases);
      const entitlement = Money.fromCents(payable.entitlementCents);
      results[index] = {
        status: 'COMPUTED',
        stoppageId,
        kind,
        rulesVersion: definition.version,
        through,
        dailyBaseCents: priced.tariff.dailyBaseCents,
        payableDays: payable.payableDays,
        entitlementCents: entitlement.toCents(),
        netEntitlementCents: entitlement.times(priced.net, definition.parameters.rounding.netAmount).toCents(),
      };
    }
  }
  return results;
}

function computed(context: StoppageContext, tariff: Tariff, net: ScaledDecimal, identity: ExplanationStep[]): ComputedEntitlement {
  const { stoppage, definition } = context;
  const lines = buildDayLines(stoppage.startEpochDay, context.days, context.throughEpochDay, tariff.phases);
  // Sum of the paid days' amounts: the same as daily IJ × payable days per phase, without a multiplication per phase.
  const { entitlement } = lines;
  const netEntitlement = entitlement.times(net, definition.parameters.rounding.netAmount);
  const phaseSummary = tariff.phases
    .map((phase, index) => `${lines.payableDaysByPhase[index]} × ${euros(phase.dailyAllowanceCents)}`)
    .join(' + ');
  const steps = [
    ...identity,
    ...tariff.steps,
    ...dayCountSteps(context),
    step(`Payable days through ${context.through}`, String(lines.payableDays), 'ij-rules §4'),
    step(`Entitlement = ${phaseSummary}`, euros(entitlement.toCents()), 'ij-rules §5'),
    step(`Net of CSG + CRDS = entitlement × 0.${String(net.amount).padStart(net.scale, '0')}, rounded half-up once`, euros(netEntitlement.toCents()), 'CSS L136-8; ij-rules §3'),
  ];
  return {
    status: 'COMPUTED',
    stoppageId: stoppage.facts.stoppageId,
    kind: stoppage.facts.kind,
    rulesVersion: definition.version,
    through: context.through,
    dailyBaseCents: tariff.dailyBaseCents,
    phases: tariff.phases.map(({ fromEpochDay: _fromEpochDay, ...phase }) => phase),
    days: lines.lines,
    payableDays: lines.payableDays,
    entitlementCents: entitlement.toCents(),
    netEntitlementCents: netEntitlement.toCents(),
    steps,
  };
}

function missingCertificate(context: StoppageContext, identity: ExplanationStep[], missingMonths: string[]): MissingSalaryCertificate {
  const { stoppage } = context;
  const lines = buildDayLines(stoppage.startEpochDay, context.days, context.throughEpochDay, undefined);
  return {
    status: 'MISSING_SALARY_CERTIFICATE',
    stoppageId: stoppage.facts.stoppageId,
    kind: stoppage.facts.kind,
    rulesVersion: context.definition.version,
    through: context.through,
    missingMonths,
    days: lines.lines,
    payableDays: lines.payableDays,
    steps: [
      ...identity,
      step('Salary certificate does not cover', missingMonths.join(', '), 'ij-rules §3 (reference salaries must cover the months the kind needs)'),
      ...dayCountSteps(context),
      step(`Payable days through ${context.through} (amount unknown until the certificate arrives)`, String(lines.payableDays), 'ij-rules §4'),
    ],
  };
}

function noParameters(context: StoppageContext, error: MissingParameter): NoParametersForDate {
  return {
    status: 'NO_PARAMETERS_FOR_DATE',
    stoppageId: context.stoppage.facts.stoppageId,
    kind: context.stoppage.facts.kind,
    rulesVersion: context.definition.version,
    date: error.date,
    parameter: error.parameter,
  };
}

function identitySteps(context: StoppageContext, root: PreparedStoppage, requiredMonths: readonly string[]): ExplanationStep[] {
  const { definition, link } = context;
  const steps = [step(`Rules version (released ${definition.releasedOn})`, definition.version, 'ij-rules §6')];
  if (link.previousIndex !== undefined) {
    const previous = context.stoppages[link.previousIndex].facts.stoppageId;
    steps.push(
      step(`Prolongation of ${previous}: same chain, no new carence; start date and salaries of ${root.facts.stoppageId}`, root.facts.startDate, 'CSS R323-1; ij-rules §4 decision'),
    );
    const kind = context.stoppage.facts.kind;
    if (calculationKindOf(kind, root.facts.kind) !== kind) {
      steps.push(
        step(`Therapeutic part-time continuing the ${root.facts.kind} chain: its reference salaries, parameter row, rates and day count, then capped at the daily loss of earnings`, root.facts.kind, 'ij-rules §3 (2026-11 correction)'),
      );
    }
  } else if (context.stoppage.facts.prolongationOf !== undefined) {
    steps.push(step(`Marked as a prolongation of ${context.stoppage.facts.prolongationOf}, but not continuing it (unknown, or started more than the allowed gap after its end): own chain and carence`, context.stoppage.facts.startDate, 'ij-rules §4'));
  }
  steps.push(step('Reference months required', requiredMonths.join(', '), context.stoppage.facts.kind.startsWith('OCCUPATIONAL') ? 'CSS R433-4' : 'CSS R323-4; R331-5'));
  return steps;
}

const COUNTED_REASONS = ['CARENCE', 'ACCIDENT_DAY', 'LIMIT_360_REACHED', 'ALD_LIMIT_REACHED', 'AFTER_EARLY_END'] as const;
const REASON_REFERENCES: Record<(typeof COUNTED_REASONS)[number], string> = {
  CARENCE: 'CSS R323-1 (3 days of carence)',
  ACCIDENT_DAY: 'CSS L433-1 (the day of the accident is paid by the employer)',
  LIMIT_360_REACHED: 'CSS R323-1 (360 daily IJ over 3 years)',
  ALD_LIMIT_REACHED: 'CSS R323-1 (long-term illness: 3 years)',
  AFTER_EARLY_END: 'ij-rules §4 (early end)',
};

/** One step per kind of unpaid day that occurred, so an auditor sees why days were not paid. */
function dayCountSteps(context: StoppageContext): ExplanationStep[] {
  const counts = new Map<string, number>();
  const { reasons } = context.days;
  for (let offset = 0; offset < reasons.length; offset += 1) {
    if (reasons[offset] !== 'PAID' && context.stoppage.startEpochDay + offset <= context.throughEpochDay) {
      counts.set(reasons[offset], (counts.get(reasons[offset]) ?? 0) + 1);
    }
  }
  return COUNTED_REASONS.filter((reason) => counts.has(reason)).map((reason) =>
    step(`Days ${reason} through ${context.through}`, String(counts.get(reason)), REASON_REFERENCES[reason]),
  );
}
