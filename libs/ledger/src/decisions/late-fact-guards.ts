import type { PolicyholderCommand } from '../commands/commands';
import { StoppageAnnulledError } from '../errors/late-fact-errors';
import type { PolicyholderState } from '../state/policyholder-state';

/** After an annulment only the money can still move: a regularization settles it, a recovery collects it. */
const ALLOWED_ON_ANNULLED: ReadonlySet<PolicyholderCommand['type']> = new Set(['Regularize', 'RecordRecovery']);

export function requireNotAnnulled(command: PolicyholderCommand, state: PolicyholderState): void {
  const stoppageId = command.type === 'OpenStoppage' ? command.prolongationOf : 'stoppageId' in command ? command.stoppageId : undefined;
  if (stoppageId === undefined || ALLOWED_ON_ANNULLED.has(command.type)) return;
  const annulled = state.stoppages.get(stoppageId)?.annulled;
  if (annulled) throw new StoppageAnnulledError(stoppageId, annulled.annulledOn);
}
