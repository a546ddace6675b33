import { deterministicEventId } from '@ij/event-store';
import type { CommandContext } from '../infrastructure/command-context';
import type { EventDraft } from '../infrastructure/ledger-command-runner';

/** An id the command creates (advance, regularization, recovery): the same for every repeat of the command. */
export function derivedId(context: CommandContext, purpose: string): string {
  return deterministicEventId(context.actor.actorId, `${context.idempotencyKey}\u0000${purpose}`, 0);
}

/** The data of the command's event of this type (appended now, or found when the command is a repeat). */
export function eventData<T>(events: EventDraft[], type: string): T {
  const event = events.find((candidate) => candidate.type === type);
  if (!event) throw new Error(`The command recorded no ${type} event`);
  return event.data as T;
}
