import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { CommandContext } from '@ij/application';

export const IDEMPOTENT_COMMAND = 'ledger:idempotent-command';

/** Marks a route as a command: it needs an Idempotency-Key and its first answer is replayed for repeats. */
export const IdempotentCommand = () => SetMetadata(IDEMPOTENT_COMMAND, true);

export interface CommandRequest {
  commandContext?: CommandContext;
}

export const CurrentCommand = createParamDecorator((_data: unknown, context: ExecutionContext): CommandContext => {
  const commandContext = context.switchToHttp().getRequest<CommandRequest>().commandContext;
  if (!commandContext) throw new Error('CurrentCommand used on a route that is not an @IdempotentCommand');
  return commandContext;
});
