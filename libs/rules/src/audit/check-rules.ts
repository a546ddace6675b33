import { formatCents } from '@ij/money';
import { lastDayOfPreviousMonth, toEpochDay, toIsoDate } from '../dates';
import { valueOn, type Parameter, type RulesParameters } from '../parameters';
import type { ReleasedRulesVersion } from '../versions/release-rules-version';
import { exactProductHalfUp } from './exact-product';

export interface RulesFinding {
  version: string;
  /** FAILED fails `ledger rules check`; KNOWN_GAP is reported (a date the version knowingly cannot compute). */
  status: 'OK' | 'FAILED' | 'KNOWN_GAP';
  parameter: string;
  message: string;
}

/**
 * `ledger rules check`: every published maximum of every version reproduces from SMIC / PMSS / PASS and the
 * rates (at both ends of each row), and every version's parameters cover every start from the first date
 * it is meant to compute (the SMIC and PMSS from the last day of the month before), apart from its declared
 * known gaps, with the fields its behaviour needs.
 */
export function checkRulesVersions(versions: readonly ReleasedRulesVersion[]): RulesFinding[] {
  return versions.flatMap((version) => [...maximaFindings(version), ...completenessFindings(version)]);
}

function maximaFindings(version: ReleasedRulesVersion): RulesFinding[] {
  const p = version.parameters;
  const findings: RulesFinding[] = [];
  const compare = (parameter: string, date: string, publishedCents: number, expected: number | string, formula: string) => {
    const ok = expected === publishedCents;
    findings.push({
      version: version.version,
      status: ok ? 'OK' : 'FAILED',
      parameter,
      message: ok
        ? `start ${date}: ${formatCents(publishedCents)} = ${formula}`
        : `start ${date}: published ${formatCents(publishedCents)} but ${formula} gives ${typeof expected === 'number' ? formatCents(expected) : expected}`,
    });
  };
  for (const row of p.sicknessMaximumDailyAllowance.values) {
    for (const date of endsOf(row)) {
      const smic = valueOn(p.smicMonthly, lastDayOfPreviousMonth(toEpochDay(date)));
      const multiple = valueOn(p.sicknessSalaryCapSmicMultiple, toEpochDay(date));
      const rates = valueOn(p.sicknessRates, toEpochDay(date));
      if (!smic || !multiple || !rates) {
        compare(p.sicknessMaximumDailyAllowance.name, date, row.value, 'no SMIC, cap or rate row', 'SMIC × cap × months × rate ÷ divisor');
        continue;
      }
      const months = String(p.referenceMonths.SICKNESS);
      compare(p.sicknessMaximumDailyAllowance.name, date, row.value, exactProductHalfUp(smic.value, [multiple.value, months, rates.value.rate], rates.value.divisor), `${formatCents(smic.value)} × ${multiple.value} × ${months} × ${rates.value.rate} ÷ ${rates.value.divisor} (R323-4)`);
    }
  }
  for (const row of p.maternityMaximumDailyAllowance.values) {
    for (const date of endsOf(row)) {
      const pmss = valueOn(p.pmss, lastDayOfPreviousMonth(toEpochDay(date)));
      const rates = valueOn(p.maternityRates, toEpochDay(date));
      if (!pmss || !rates) {
        compare(p.maternityMaximumDailyAllowance.name, date, row.value, 'no PMSS or rate row', 'PMSS × months × rate ÷ divisor');
        continue;
      }
      const months = String(p.referenceMonths.MATERNITY);
      compare(p.maternityMaximumDailyAllowance.name, date, row.value, exactProductHalfUp(pmss.value, [months, rates.value.rate], rates.value.divisor), `${formatCents(pmss.value)} × ${months} × ${rates.value.rate} ÷ ${rates.value.divisor} (R331-5)`);
    }
  }
  for (const row of p.occupationalMaximumDailyAllowance.values) {
    for (const date of endsOf(row)) {
      const pass = valueOn(p.pass, toEpochDay(date));
      const capRate = valueOn(p.occupationalDailyBaseCapPassRate, toEpochDay(date));
      const rates = valueOn(p.occupationalRates, toEpochDay(date));
      if (!pass || !capRate || !rates) {
        compare(p.occupationalMaximumDailyAllowance.name, date, row.value.upToDay28Cents, 'no PASS, cap or rate row', 'PASS × cap × rate');
        continue;
      }
      const formula = (rate: string) => `${formatCents(pass.value)} × ${capRate.value} × ${rate} (R433-1, R433-2)`;
      compare(`${p.occupationalMaximumDailyAllowance.name} (days 1–28)`, date, row.value.upToDay28Cents, exactProductHalfUp(pass.value, [capRate.value, rates.value.upToDay28Rate]), formula(rates.value.upToDay28Rate));
      compare(`${p.occupationalMaximumDailyAllowance.name} (day 29+)`, date, row.value.fromDay29Cents, exactProductHalfUp(pass.value, [capRate.value, rates.value.fromDay29Rate]), formula(rates.value.fromDay29Rate));
    }
  }
  return findings;
}

/** SMIC and PMSS are read on the last day of the month before the start (R323-4, R331-5); the rest on the start. */
const READ_THE_MONTH_BEFORE = new Set(['SMIC_MONTHLY', 'PMSS']);

function completenessFindings(version: ReleasedRulesVersion): RulesFinding[] {
  const p = version.parameters;
  const dated = Object.values(p).filter((value): value is Parameter<unknown> => typeof value === 'object' && value !== null && 'values' in value);
  const findings: RulesFinding[] = [];
  for (const parameter of dated) {
    const firstStart = toEpochDay(version.coversStartsFrom);
    const needed = READ_THE_MONTH_BEFORE.has(parameter.name) ? lastDayOfPreviousMonth(firstStart) : firstStart;
    const first = toEpochDay(parameter.values[0].from);
    const gap = version.knownGaps.find((known) => known.parameter === parameter.name);
    if (first <= needed) {
      findings.push({ version: version.version, status: 'OK', parameter: parameter.name, message: `a row for every date from ${toIsoDate(needed)}` });
    } else if (gap && toEpochDay(gap.from) <= needed && toEpochDay(gap.to) >= first - 1) {
      findings.push({ version: version.version, status: 'KNOWN_GAP', parameter: parameter.name, message: `no row ${gap.from} … ${gap.to}: ${gap.reason}` });
    } else {
      findings.push({ version: version.version, status: 'FAILED', parameter: parameter.name, message: `no row from ${toIsoDate(needed)} to ${toIsoDate(first - 1)}, and no known gap declared for it` });
    }
  }
  findings.push(...behaviourFieldFindings(version.version, p, version.behaviour.aldLimit));
  return findings;
}

function behaviourFieldFindings(version: string, p: RulesParameters, aldLimit: ReleasedRulesVersion['behaviour']['aldLimit']): RulesFinding[] {
  const needed = aldLimit === 'PAID_DAYS_PER_AFFECTION' ? (['aldMaximumPaidDaysPerAffection'] as const) : (['aldPeriodYears', 'aldNewPeriodAfterUncoveredDays'] as const);
  const missing = p.paidDaysLimits.values.filter((row) => needed.some((field) => row.value[field] === undefined));
  return [
    missing.length === 0
      ? { version, status: 'OK', parameter: p.paidDaysLimits.name, message: `every row has ${needed.join(', ')} (aldLimit ${aldLimit})` }
      : { version, status: 'FAILED', parameter: p.paidDaysLimits.name, message: `rows from ${missing.map((row) => row.from).join(', ')} lack ${needed.join(' or ')}, which aldLimit ${aldLimit} needs` },
  ];
}

/** Both ends of a row (the first day only when it is open-ended). */
function endsOf(row: { from: string; to?: string }): string[] {
  return row.to ? [row.from, row.to] : [row.from];
}
