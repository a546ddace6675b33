import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@ij/application';
import type { AuthenticatedRequest } from './auth.guard';

/** The authenticated actor of the request (set by AuthGuard). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without authentication');
  return actor;
});
