import type { RulesVersion } from '../rules.types';
import type { ReleasedRulesVersion } from './release-rules-version';
import { RULES_2026_1 } from './v2026-1';
import { RULES_2026_2 } from './v2026-2';

/** Every released version, oldest first. Never remove one: past payments replay with the version they recorded. */
export const RULES_VERSIONS: readonly ReleasedRulesVersion[] = Object.freeze([RULES_2026_1, RULES_2026_2]);

/** The version new computations use until a supervisor activates another. */
export const CURRENT_RULES_VERSION: string = RULES_2026_2.version;

export function getRulesVersion(version: string): RulesVersion | undefined {
  return RULES_VERSIONS.find((released) => released.version === version);
}
