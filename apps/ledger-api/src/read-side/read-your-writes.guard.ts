import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ReadModelStore } from '@ij/projections';
import { LEDGER_CONFIG, type LedgerConfig, READ_MODELS } from '@ij/application';
import { IDEMPOTENT_COMMAND } from '../http/command-context';
import { MIN_POSITION_HEADER } from '../http/min-position-query';
import { ProblemException, ValidationFailed } from '../http/problem';

export const PROJECTION_POSITION_HEADER = 'Ledger-Projection-Position';
/** How often the read models' checkpoint is looked at while a query waits. */
const CHECKPOINT_POLL_MS = 20;
const POSITION = /^\d{1,19}$/u;

/**
 * Read-your-writes across processes: a query carrying `Ledger-Min-Position: N` (or `?minPosition=N`) waits
 * until the read models' checkpoint reaches N — the `Ledger-Position` a command answered — then runs. After
 * LEDGER_MIN_POSITION_WAIT_MS it answers 503 `projection-lagging` instead of a stale read.
 * A guard (the last global one: after authentication and the rate limit), not an interceptor: it waits only
 * for the queries that ask, and the other requests then skip Nest's interceptor chain altogether.
 */
@Injectable()
export class ReadYourWritesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(READ_MODELS) private readonly models: ReadModelStore,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  canActivate(context: ExecutionContext): true | Promise<true> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const wanted = request.headers[MIN_POSITION_HEADER];
    if (wanted === undefined || this.reflector.get<boolean>(IDEMPOTENT_COMMAND, context.getHandler())) return true;
    const value = Array.isArray(wanted) ? wanted[0] : wanted;
    if (!POSITION.test(value)) {
      throw new ValidationFailed([{ field: 'Ledger-Min-Position', message: 'a log position: a non-negative whole number (the Ledger-Position of a command answer)' }]);
    }
    const response = context.switchToHttp().getResponse<FastifyReply>();
    return this.waitFor(BigInt(value), response);
  }

  private async waitFor(position: bigint, response: FastifyReply): Promise<true> {
    const deadline = Date.now() + this.config.minPositionWaitMs;
    for (;;) {
      const checkpoint = await this.models.checkpoint();
      if (checkpoint >= position) {
        response.header(PROJECTION_POSITION_HEADER, String(checkpoint));
        return true;
      }
      if (Date.now() >= deadline) {
        response.header(PROJECTION_POSITION_HEADER, String(checkpoint));
        response.header('Retry-After', '1');
        throw new ProblemException(
          503,
          'projection-lagging',
          'Read models behind the requested position',
          `The read models include the log up to position ${checkpoint}, not yet ${position}; retry shortly.`,
          { projectionPosition: String(checkpoint), minPosition: String(position) },
        );
      }
      await sleep(CHECKPOINT_POLL_MS);
    }
  }
}
