import { applyDecorators, createParamDecorator, SetMetadata, UseInterceptors, type ExecutionContext } from '@nestjs/common';
import type { CommandContext } from '@ij/application';
import { IdempotencyInterceptor } from './idempotency.interceptor';

export const IDEMPOTENT_COMMAND = 'ledger:idempotent-command';

/**
 * Marks a route as a command: it needs an Idempotency-Key and its first answer is replayed for repeats. The
 * interceptor is the route's own, not global: a route without interceptors skips Nest's interceptor chain.
 */
export const IdempotentCommand = () => applyDecorators(SetMetadata(IDEMPOTENT_COMMAND, true), UseInterceptors(IdempotencyInterceptor));

export interface CommandRequest {
  commandContext?: CommandContext;
}

export const CurrentCommand = createParamDecorator((_data: unknown, context: ExecutionContext): CommandContext => {
  const commandContext = context.switchToHttp().getRequest<CommandRequest>().commandContext;
  if (!commandContext) throw new Error('CurrentCommand used on a route that is not an @IdempotentCommand');
  return commandContext;
});
