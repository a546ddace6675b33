import { getRulesVersion, RULES_VERSIONS, type RulesVersion } from '@ij/rules';
import { UnknownRulesVersion } from '../errors/registry-errors';

/** A released version by name, or UnknownRulesVersion naming the released ones. */
export function requireRulesVersion(version: string): RulesVersion {
  const rules = getRulesVersion(version);
  if (!rules) throw new UnknownRulesVersion(version, RULES_VERSIONS.map((released) => released.version));
  return rules;
}
