import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { Logger } from 'pino';
import type { Actor } from '@ij/application';
import { observeHttpRequest } from '../operations/http-metrics';
import type { LedgerMetrics } from '../operations/ledger-metrics';
import { type ShutdownGate, SHUTTING_DOWN } from '../operations/graceful-shutdown';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { logRequest } from './request-log';
import { securityHeaders } from './security-headers';

export interface RequestLifecycle {
  logger: Logger;
  metrics: LedgerMetrics;
  gate: ShutdownGate;
}

type ActorRequest = FastifyRequest & { actor?: Actor };

/**
 * What every request gets, answered by a route or not (404, 415, the shutdown 503): helmet's headers, a
 * place among the requests in flight (or 503 shutting-down once the instance drains), and once its
 * connection is done with it, one log line and, when it was answered, one latency sample. One hook and one
 * listener per request, in the order Express's middlewares ran them.
 */
export function registerRequestLifecycle(fastify: FastifyInstance, { logger, metrics, gate }: RequestLifecycle): void {
  const headers = securityHeaders();
  fastify.addHook('onRequest', (request: ActorRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const startedAt = performance.now();
    const response = reply.raw;
    const admitted = gate.admit(response);
    // 'close' follows 'finish' (and comes alone when the client went away first): one listener, one line.
    response.once('close', () => {
      gate.settle(response);
      const route = request.routeOptions.url;
      const elapsedMs = performance.now() - startedAt;
      if (admitted && response.writableFinished) {
        observeHttpRequest(metrics, { method: request.method, route, statusCode: response.statusCode, seconds: elapsedMs / 1_000, replayed: reply.getHeader('idempotent-replayed') === 'true' });
      }
      logRequest(logger, { id: request.id, method: request.method, statusCode: response.statusCode, responseTimeMs: Math.trunc(elapsedMs), actorId: request.actor?.actorId, route });
    });
    reply.headers(headers);
    if (admitted) return done();
    reply.code(503).header('connection', 'close').type(PROBLEM_CONTENT_TYPE).send(SHUTTING_DOWN);
  });
}
