import { VERSIONS_FROM_DATA } from '../data/bundled-rules-data';
import type { RulesVersion } from '../rules.types';
import { releaseRulesVersion, type ReleasedRulesVersion } from './release-rules-version';

/**
 * Every released version, oldest first, as listed in libs/rules/data/versions.json with the parameters
 * built for each from libs/rules/data/parameters. Never remove one: past payments replay with the version
 * they recorded.
 */
export const RULES_VERSIONS: readonly ReleasedRulesVersion[] = Object.freeze(VERSIONS_FROM_DATA.map(releaseRulesVersion));

/**
 * The version new computations use until a supervisor activates another (RulesVersionActivated). It stays
 * 2026.2 when 2026.3 is released: a store with no activation event must keep computing what it computed,
 * and a new release is put in force only by an explicit activation (ij-rules §6).
 */
export const CURRENT_RULES_VERSION = '2026.2';

export function getRulesVersion(version: string): RulesVersion | undefined {
  return RULES_VERSIONS.find((released) => released.version === version);
}

/** A released version by name, with its parameters and behaviour (for audit, `ledger rules diff`). */
export function getReleasedRulesVersion(version: string): ReleasedRulesVersion | undefined {
  return RULES_VERSIONS.find((released) => released.version === version);
}

export function requireReleasedVersion(version: string): ReleasedRulesVersion {
  const released = getReleasedRulesVersion(version);
  if (!released) throw new Error(`Rules version ${version} is not in libs/rules/data/versions.json`);
  return released;
}
