import { toEpochDay, toIsoDate } from '../dates';
import type { Parameter, ParameterValue, RulesParameters } from '../parameters';
import { deepFreeze } from '../parameters/parameter';
import type { RulesVersionDefinition } from '../rules-version-definition';
import { RulesDataInvalid, validateRulesData } from './rules-data.schema';
import type { DatedParameterKey, ParameterFileData, ParameterRowData, RulesData, VersionData } from './rules-data.types';

/** A version as the data describes it, with the parameter set built for it. */
export interface VersionFromData extends RulesVersionDefinition {
  coversStartsFrom: string;
  knownGaps: VersionData['knownGaps'];
}

/**
 * Validates the data files and builds, for each version in release order, the parameters it computes
 * with: the rows released at or before it and not withdrawn at or before it, each in force until the next.
 * Pure: the same data always gives the same frozen versions.
 */
export function versionsFromData(raw: { parameters: unknown[]; fixed: unknown; versions: unknown }): VersionFromData[] {
  const data = validateRulesData(raw);
  const order = new Map(data.versions.map((version, index) => [version.version, index]));
  const problems: string[] = [];
  const versions = data.versions.map((version, index) => ({
    version: version.version,
    releasedOn: version.releasedOn,
    notes: version.notes,
    behaviour: { ...version.behaviour },
    coversStartsFrom: version.coversStartsFrom,
    knownGaps: version.knownGaps.map((gap) => ({ ...gap })),
    parameters: parametersOf(data, index, order, problems),
  }));
  if (problems.length > 0) throw new RulesDataInvalid(problems);
  return deepFreeze(versions);
}

function parametersOf(data: RulesData, versionIndex: number, order: ReadonlyMap<string, number>, problems: string[]): RulesParameters {
  const dated = {} as Record<DatedParameterKey, Parameter<unknown>>;
  for (const file of data.parameters) dated[file.key] = parameterOf(file, versionIndex, order, data.versions[versionIndex].version, problems);
  return {
    ...(dated as unknown as Omit<RulesParameters, 'rounding' | 'referenceMonths'>),
    rounding: { ...data.fixed.rounding },
    referenceMonths: { ...data.fixed.referenceMonths },
  };
}

function parameterOf(file: ParameterFileData, versionIndex: number, order: ReadonlyMap<string, number>, version: string, problems: string[]): Parameter<unknown> {
  const rows = file.values.filter((row) => visibleIn(row, versionIndex, order));
  const sorted = [...rows].sort((a, b) => toEpochDay(a.from) - toEpochDay(b.from));
  sorted.forEach((row, index) => {
    if (index > 0 && row.from === sorted[index - 1].from) problems.push(`${file.key}: two rows from ${row.from} in version ${version}`);
  });
  if (sorted.length === 0) problems.push(`${file.key}: no row in version ${version}`);
  const values = sorted.map((row, index): ParameterValue<unknown> => {
    const next = sorted[index + 1];
    // Same key order as a hand-written row (from, to, value, source…), so that printed data reads naturally.
    const value = { from: row.from, ...(next ? { to: toIsoDate(toEpochDay(next.from) - 1) } : {}) } as ParameterValue<unknown>;
    Object.assign(value, { value: structuredClone(row.value), source: row.source, checkedOn: row.checkedOn, checkedAgainst: row.checkedAgainst });
    if (row.derivation !== undefined) value.derivation = row.derivation;
    return value;
  });
  return { name: file.name, description: file.description, values };
}

function visibleIn(row: ParameterRowData, versionIndex: number, order: ReadonlyMap<string, number>): boolean {
  const released = row.releasedIn === undefined ? 0 : (order.get(row.releasedIn) ?? Number.POSITIVE_INFINITY);
  const withdrawn = row.withdrawnIn === undefined ? Number.POSITIVE_INFINITY : (order.get(row.withdrawnIn) ?? Number.POSITIVE_INFINITY);
  return released <= versionIndex && versionIndex < withdrawn;
}
