import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus, type ICommand } from '@nestjs/cqrs';
import { toProblem } from '../http/to-problem';
import { LedgerMetrics } from './ledger-metrics';

export type CommandOutcomeLabel = 'accepted' | 'refused' | 'failed';

/** accepted; refused: answered 4xx (a domain refusal, a conflict, an unknown id); failed: 5xx or unexpected. */
export function commandOutcomeOf(error: unknown): CommandOutcomeLabel {
  const status = toProblem(error)?.status;
  return status !== undefined && status < 500 ? 'refused' : 'failed';
}

/** `IssueAdvanceCommand` → `IssueAdvance`. */
export function commandTypeOf(command: ICommand): string {
  return command.constructor.name.replace(/Command$/u, '');
}

/**
 * Counts every command the bus executes by type and outcome (ledger_commands_total). The bus offers no
 * hook that sees the outcome, so its `execute` is wrapped once, at start-up; the handlers are not touched.
 */
@Injectable()
export class CommandMetrics implements OnModuleInit {
  constructor(
    private readonly bus: CommandBus,
    @Inject(LedgerMetrics) private readonly metrics: LedgerMetrics,
  ) {}

  onModuleInit(): void {
    const execute = this.bus.execute.bind(this.bus) as (command: ICommand, ...rest: unknown[]) => Promise<unknown>;
    const counted = async (command: ICommand, ...rest: unknown[]): Promise<unknown> => {
      const type = commandTypeOf(command);
      try {
        const result = await execute(command, ...rest);
        this.metrics.commands.inc({ type, outcome: 'accepted' });
        return result;
      } catch (error) {
        this.metrics.commands.inc({ type, outcome: commandOutcomeOf(error) });
        throw error;
      }
    };
    this.bus.execute = counted as CommandBus['execute'];
  }
}
