import type { PolicyholderCommand } from '../commands/commands';
import type { DecisionContext } from '../decisions/decision-context';
import { decide } from '../decisions/decide';
import type { DomainError } from '../errors/domain-error';
import type { PolicyholderEvent } from '../events/policyholder-events';
import { foldEvents } from '../state/evolve';
import { decisionContext } from './rules';

type ErrorClass<E extends DomainError> = abstract new (...args: never[]) => E;

/**
 * given(history).when(command).then(expectedEvents) | .thenFails(ErrorClass, facts?).
 * The command is decided on the folded history with the current rules and TODAY unless overridden.
 */
export function given(...history: PolicyholderEvent[]) {
  return {
    when(command: PolicyholderCommand, context: Partial<DecisionContext> = {}) {
      const run = () => decide(command, foldEvents(history), decisionContext(context));
      return {
        then(expected: PolicyholderEvent[]): void {
          expect(run()).toEqual(expected);
        },
        thenFails<E extends DomainError>(errorClass: ErrorClass<E>, facts: Partial<Record<keyof E, unknown>> = {}): void {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(errorClass);
          expect(thrown).toMatchObject(facts);
        },
      };
    },
  };
}
