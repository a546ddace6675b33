import { STOPPAGE_KINDS } from '../rules.types';
import { RULES_BEHAVIOUR_VALUES } from '../versions/rules-behaviour';
import type { DatedParameterKey, RulesData } from './rules-data.types';

/**
 * The schema of libs/rules/data, checked by hand when the data is loaded (no dependency in the engine).
 * Every problem is listed with its path, so that a wrong data change fails at import with all its errors.
 */
type FieldKind = 'cents' | 'decimal' | 'integer';
type ValueSchema = FieldKind | { required: Record<string, FieldKind>; optional?: Record<string, FieldKind> };

export const PARAMETER_SCHEMAS: Readonly<Record<DatedParameterKey, { name: string; value: ValueSchema }>> = {
  smicMonthly: { name: 'SMIC_MONTHLY', value: 'cents' },
  pmss: { name: 'PMSS', value: 'cents' },
  pass: { name: 'PASS', value: 'cents' },
  sicknessSalaryCapSmicMultiple: { name: 'SICKNESS_SALARY_CAP_SMIC_MULTIPLE', value: 'decimal' },
  occupationalDailyBaseCapPassRate: { name: 'OCCUPATIONAL_DAILY_BASE_CAP_PASS_RATE', value: 'decimal' },
  sicknessMaximumDailyAllowance: { name: 'SICKNESS_MAXIMUM_DAILY_ALLOWANCE', value: 'cents' },
  occupationalMaximumDailyAllowance: { name: 'OCCUPATIONAL_MAXIMUM_DAILY_ALLOWANCE', value: { required: { upToDay28Cents: 'cents', fromDay29Cents: 'cents' } } },
  maternityMaximumDailyAllowance: { name: 'MATERNITY_MAXIMUM_DAILY_ALLOWANCE', value: 'cents' },
  maternityMinimumDailyAllowance: { name: 'MATERNITY_MINIMUM_DAILY_ALLOWANCE', value: 'cents' },
  sicknessRates: { name: 'SICKNESS_RATES', value: { required: { rate: 'decimal', divisor: 'decimal' } } },
  occupationalRates: {
    name: 'OCCUPATIONAL_RATES',
    value: { required: { upToDay28Rate: 'decimal', fromDay29Rate: 'decimal', higherRateFromDay: 'integer', divisor: 'decimal', netEarningsRate: 'decimal' } },
  },
  maternityRates: { name: 'MATERNITY_RATES', value: { required: { rate: 'decimal', divisor: 'decimal' } } },
  socialContributions: { name: 'SOCIAL_CONTRIBUTIONS', value: { required: { csgRate: 'decimal', crdsRate: 'decimal' }, optional: { csgDeductibleRate: 'decimal' } } },
  recoveryLimitation: { name: 'RECOVERY_LIMITATION', value: { required: { years: 'integer' } } },
  paidDaysLimits: {
    name: 'PAID_DAYS_LIMITS',
    value: {
      required: { carenceDays: 'integer', prolongationMaximumStartAfterEndDays: 'integer', nonAldMaximumPaidDays: 'integer', nonAldWindowYears: 'integer', aldCarenceWaiverYears: 'integer' },
      optional: { aldMaximumPaidDaysPerAffection: 'integer', aldPeriodYears: 'integer', aldNewPeriodAfterUncoveredDays: 'integer' },
    },
  },
};

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/u;
const DECIMAL = /^\d+(\.\d+)?$/u;
const ROUNDING_MODES = ['truncate', 'halfUp'];

export class RulesDataInvalid extends Error {
  readonly code = 'rules-data-invalid';
  constructor(readonly problems: readonly string[]) {
    super(`libs/rules/data is invalid:\n- ${problems.join('\n- ')}`);
  }
}

/** Checks the raw data (`versions` is the content of versions.json, `{ versions: [...] }`) against the schema; returns it typed, or throws RulesDataInvalid listing every problem. */
export function validateRulesData(raw: { parameters: unknown[]; fixed: unknown; versions: unknown }): RulesData {
  const problems: string[] = [];
  const versions = validateVersions(raw.versions, problems);
  const versionNames = new Set(versions.map((version) => version.version));
  const seen = new Set<string>();
  raw.parameters.forEach((file, index) => validateParameterFile(file, `parameters[${index}]`, versionNames, seen, problems));
  for (const key of Object.keys(PARAMETER_SCHEMAS)) if (!seen.has(key)) problems.push(`parameters: no file for ${key}`);
  validateFixed(raw.fixed, problems);
  if (problems.length > 0) throw new RulesDataInvalid(problems);
  return { parameters: raw.parameters, fixed: raw.fixed, versions } as unknown as RulesData;
}

function validateVersions(raw: unknown, problems: string[]): { version: string }[] {
  const list = isObject(raw) && Array.isArray(raw.versions) ? raw.versions : undefined;
  if (!list || list.length === 0) {
    problems.push('versions.versions: a non-empty list is required');
    return [];
  }
  const names = new Set<string>();
  list.forEach((entry: unknown, index: number) => {
    const path = `versions[${index}]`;
    if (!isObject(entry)) return void problems.push(`${path}: an object is required`);
    requireString(entry, 'version', path, problems, /^\d{4}\.\d+$/u);
    requireString(entry, 'releasedOn', path, problems, ISO_DATE);
    requireString(entry, 'notes', path, problems);
    requireString(entry, 'coversStartsFrom', path, problems, ISO_DATE);
    if (typeof entry.version === 'string') {
      if (names.has(entry.version)) problems.push(`${path}.version: ${entry.version} is listed twice`);
      names.add(entry.version);
    }
    const behaviour = entry.behaviour;
    if (!isObject(behaviour)) problems.push(`${path}.behaviour: an object is required`);
    else {
      for (const [flag, allowed] of Object.entries(RULES_BEHAVIOUR_VALUES)) {
        if (!(allowed as readonly unknown[]).includes(behaviour[flag])) problems.push(`${path}.behaviour.${flag}: one of ${allowed.join(', ')} is required`);
      }
      for (const flag of Object.keys(behaviour)) if (!(flag in RULES_BEHAVIOUR_VALUES)) problems.push(`${path}.behaviour.${flag}: unknown flag`);
    }
    if (!Array.isArray(entry.knownGaps)) problems.push(`${path}.knownGaps: a list is required`);
    else
      entry.knownGaps.forEach((gap: unknown, gapIndex: number) => {
        const gapPath = `${path}.knownGaps[${gapIndex}]`;
        if (!isObject(gap)) return void problems.push(`${gapPath}: an object is required`);
        requireString(gap, 'parameter', gapPath, problems);
        requireString(gap, 'from', gapPath, problems, ISO_DATE);
        requireString(gap, 'to', gapPath, problems, ISO_DATE);
        requireString(gap, 'reason', gapPath, problems);
      });
  });
  return list as { version: string }[];
}

function validateParameterFile(file: unknown, path: string, versions: ReadonlySet<string>, seen: Set<string>, problems: string[]): void {
  if (!isObject(file)) return void problems.push(`${path}: an object is required`);
  const key = file.key;
  if (typeof key !== 'string' || !(key in PARAMETER_SCHEMAS)) return void problems.push(`${path}.key: unknown parameter ${String(key)}`);
  const schema = PARAMETER_SCHEMAS[key as DatedParameterKey];
  const at = `${key}`;
  if (seen.has(key)) problems.push(`${at}: defined twice`);
  seen.add(key);
  if (file.name !== schema.name) problems.push(`${at}.name: ${schema.name} is required`);
  requireString(file, 'description', at, problems);
  for (const field of Object.keys(file)) if (!['key', 'name', 'description', 'values'].includes(field)) problems.push(`${at}.${field}: unknown field`);
  if (!Array.isArray(file.values) || file.values.length === 0) return void problems.push(`${at}.values: a non-empty list is required`);
  file.values.forEach((row: unknown, index: number) => {
    const rowPath = `${at}.values[${index}]`;
    if (!isObject(row)) return void problems.push(`${rowPath}: an object is required`);
    requireString(row, 'from', rowPath, problems, ISO_DATE);
    requireString(row, 'source', rowPath, problems);
    requireString(row, 'checkedOn', rowPath, problems, ISO_DATE);
    requireString(row, 'checkedAgainst', rowPath, problems);
    for (const optional of ['derivation', 'releasedIn', 'withdrawnIn']) {
      if (row[optional] !== undefined && (typeof row[optional] !== 'string' || row[optional] === '')) problems.push(`${rowPath}.${optional}: a non-empty string is required`);
    }
    for (const field of ['releasedIn', 'withdrawnIn']) {
      const named = row[field];
      if (typeof named === 'string' && !versions.has(named)) problems.push(`${rowPath}.${field}: no released version ${named}`);
    }
    for (const field of Object.keys(row)) {
      if (!['from', 'value', 'source', 'checkedOn', 'checkedAgainst', 'derivation', 'releasedIn', 'withdrawnIn'].includes(field)) problems.push(`${rowPath}.${field}: unknown field`);
    }
    validateValue(row.value, schema.value, `${rowPath}.value`, problems);
  });
}

function validateValue(value: unknown, schema: ValueSchema, path: string, problems: string[]): void {
  if (typeof schema === 'string') return validateField(value, schema, path, problems);
  if (!isObject(value)) return void problems.push(`${path}: an object is required`);
  for (const [field, kind] of Object.entries(schema.required)) validateField(value[field], kind, `${path}.${field}`, problems);
  for (const [field, kind] of Object.entries(schema.optional ?? {})) if (value[field] !== undefined) validateField(value[field], kind, `${path}.${field}`, problems);
  for (const field of Object.keys(value)) if (!(field in schema.required) && !(field in (schema.optional ?? {}))) problems.push(`${path}.${field}: unknown field`);
}

function validateField(value: unknown, kind: FieldKind, path: string, problems: string[]): void {
  const ok = kind === 'decimal' ? typeof value === 'string' && DECIMAL.test(value) : typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
  if (!ok) problems.push(`${path}: ${kind === 'cents' ? 'integer cents ≥ 0' : kind === 'integer' ? 'an integer ≥ 0' : 'an exact decimal string such as "0.5"'} is required`);
}

function validateFixed(fixed: unknown, problems: string[]): void {
  if (!isObject(fixed)) return void problems.push('fixed: an object is required');
  const rounding = fixed.rounding;
  for (const mode of ['dailyBase', 'dailyAllowance', 'salaryCap', 'dailyBaseCap', 'netAmount']) {
    if (!isObject(rounding) || !ROUNDING_MODES.includes(rounding[mode] as string)) problems.push(`fixed.rounding.${mode}: one of ${ROUNDING_MODES.join(', ')} is required`);
  }
  const months = fixed.referenceMonths;
  for (const kind of STOPPAGE_KINDS) {
    const count = isObject(months) ? months[kind] : undefined;
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1) problems.push(`fixed.referenceMonths.${kind}: a positive integer is required`);
  }
  for (const field of ['roundingSource', 'referenceMonthsSource', 'checkedAgainst']) requireString(fixed, field, 'fixed', problems);
  requireString(fixed, 'checkedOn', 'fixed', problems, ISO_DATE);
}

function requireString(object: Record<string, unknown>, field: string, path: string, problems: string[], pattern?: RegExp): void {
  const value = object[field];
  if (typeof value !== 'string' || value.length === 0 || (pattern !== undefined && !pattern.test(value))) {
    problems.push(`${path}.${field}: ${pattern ? `a string matching ${pattern.source}` : 'a non-empty string'} is required`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
