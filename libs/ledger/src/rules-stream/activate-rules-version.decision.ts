import type { ActivateRulesVersion } from '../commands/commands';
import { UnknownRulesVersion } from '../errors/registry-errors';
import type { RulesVersionActivated } from '../events/rules-events';
import type { RulesState } from './rules-state';

/**
 * Only a released version can be activated. Activating the one already active changes nothing and
 * records nothing, so a repeated request is harmless.
 */
export function decideRules(
  command: ActivateRulesVersion,
  state: RulesState,
  knownVersions: Iterable<string>,
  today: string,
): RulesVersionActivated[] {
  const known = [...knownVersions];
  if (!known.includes(command.version)) throw new UnknownRulesVersion(command.version, known);
  if (state.active === command.version) return [];
  return [
    {
      type: 'RulesVersionActivated',
      schemaVersion: 1,
      data: { version: command.version, previousVersion: state.active, activatedOn: today },
    },
  ];
}
