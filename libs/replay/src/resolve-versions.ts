import { UnknownRulesVersion } from '@ij/ledger';
import { getRulesVersion, RULES_VERSIONS, type RulesVersion } from '@ij/rules';
import type { ReplayVersions } from './replay-row';

/** A released version by name, or the ledger's UnknownRulesVersion (409 unknown-rules-version over HTTP). */
export function requireRulesVersion(version: string): RulesVersion {
  const rules = getRulesVersion(version);
  if (!rules) throw new UnknownRulesVersion(version, RULES_VERSIONS.map((released) => released.version));
  return rules;
}

export function resolveVersions(currentVersion: string, replayedVersion: string): ReplayVersions {
  return { current: requireRulesVersion(currentVersion), replayed: requireRulesVersion(replayedVersion) };
}
