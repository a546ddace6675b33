import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IdempotentReplay } from './idempotency.interceptor';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem';
import { toProblem } from './to-problem';

/** Every error leaves as application/problem+json; nothing else (no stack, no SQL) reaches a client. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problems');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    if (error instanceof IdempotentReplay) {
      response.status(error.statusCode).header('Idempotent-Replayed', 'true');
      response.type(error.statusCode >= 400 ? PROBLEM_CONTENT_TYPE : 'application/json').send(JSON.stringify(error.body));
      return;
    }
    const problem = toProblem(error) ?? {
      type: problemType('internal-error'),
      title: 'Internal error',
      status: 500,
      detail: 'The ledger could not complete the request. Quote the correlation id to support.',
      correlationId: String(request.id ?? ''),
    };
    if (problem.status >= 500) {
      this.logger.error({ err: error, correlationId: problem.correlationId }, 'unexpected error');
    }
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}
