import type { RulesVersionActivated } from '../events/rules-events';

export interface RulesState {
  /** Null until a supervisor first activates a version (the application then uses its default). */
  readonly active: string | null;
}

export function initialRulesState(): RulesState {
  return { active: null };
}

export function evolveRules(state: RulesState, event: RulesVersionActivated): RulesState {
  return event.type === 'RulesVersionActivated' ? { active: event.data.version } : state;
}

export function foldRulesEvents(events: Iterable<RulesVersionActivated>): RulesState {
  let state = initialRulesState();
  for (const event of events) state = evolveRules(state, event);
  return state;
}
