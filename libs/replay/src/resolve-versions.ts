import { requireRulesVersion } from '@ij/ledger';
import type { ReplayVersions } from './replay-row';

/** Both versions of a replay, released ones only (the ledger's UnknownRulesVersion otherwise). */
export function resolveVersions(currentVersion: string, replayedVersion: string): ReplayVersions {
  return { current: requireRulesVersion(currentVersion), replayed: requireRulesVersion(replayedVersion) };
}
