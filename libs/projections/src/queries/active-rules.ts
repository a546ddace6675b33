import type { EventStore } from '@ij/event-store';
import { foldRulesEvents, RULES_STREAM, upcast, type RulesVersionActivated } from '@ij/ledger';
import { CURRENT_RULES_VERSION, getRulesVersion, type RulesVersion } from '@ij/rules';

/** The rules version a supervisor activated last (the build's default before any), read from its stream. */
export async function readActiveRules(events: EventStore): Promise<RulesVersion> {
  const activations = (await events.readStream(RULES_STREAM)).map(
    (event) => upcast(event.type, event.metadata.schemaVersion, event.data) as RulesVersionActivated,
  );
  const version = foldRulesEvents(activations).active ?? CURRENT_RULES_VERSION;
  const rules = getRulesVersion(version);
  if (!rules) throw new Error(`The active rules version ${version} is not released in this build`);
  return rules;
}
