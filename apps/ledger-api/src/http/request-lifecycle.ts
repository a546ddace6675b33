import type { FastifyError, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { Logger } from 'pino';
import type { Actor } from '@ij/application';
import { observeHttpRequest } from '../operations/http-metrics';
import type { LedgerMetrics } from '../operations/ledger-metrics';
import { type ShutdownGate, SHUTTING_DOWN } from '../operations/graceful-shutdown';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem';
import { logRequest } from './request-log';
import { securityHeaders } from './security-headers';

export interface RequestLifecycleOptions {
  logger: Logger;
  metrics: LedgerMetrics;
  gate: ShutdownGate;
}

type ActorRequest = FastifyRequest & { actor?: Actor };

/**
 * What every request gets, answered by a route or not (404, 415, the shutdown 503, a URL Fastify cannot
 * route): helmet's headers, a place among the requests in flight (or 503 shutting-down once the instance
 * drains) and, once its connection is done with it, one log line and, when it was answered, one latency
 * sample. One hook and one listener per request, in the order Express's middlewares ran them.
 */
export class RequestLifecycle {
  private readonly headers = securityHeaders();

  constructor(private readonly options: RequestLifecycleOptions) {}

  /** The first onRequest hook. */
  readonly onRequest = (request: ActorRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const admitted = this.track(request, reply);
    if (admitted) return done();
    reply.code(503).header('connection', 'close').type(PROBLEM_CONTENT_TYPE).send(SHUTTING_DOWN);
  };

  /**
   * Fastify's `frameworkErrors`: a URL it cannot route (bad percent-encoding, an over-long parameter) is
   * answered here, before any hook: a 400 problem that does not repeat the URL (its default answer did, and a
   * NIR put in a path would have come back in it).
   */
  readonly answerFrameworkError = (error: FastifyError, request: ActorRequest, reply: FastifyReply): void => {
    this.track(request, reply);
    const detail = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path parameter is too long.' : 'The path is not valid percent-encoding.';
    reply.code(400).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify({ type: problemType('bad-request'), title: 'Bad request', status: 400, detail }));
  };

  /** Sets the headers and arranges the line and the sample; false when the instance drains (the caller answers 503). */
  private track(request: ActorRequest, reply: FastifyReply): boolean {
    const { logger, metrics, gate } = this.options;
    const startedAt = performance.now();
    const response = reply.raw;
    const admitted = gate.admit(response);
    // 'close' follows 'finish' (and comes alone when the client went away first): one listener, one line.
    response.once('close', () => {
      gate.settle(response);
      const route = request.routeOptions?.url;
      const elapsedMs = performance.now() - startedAt;
      if (admitted && response.writableFinished) {
        observeHttpRequest(metrics, { method: request.method, route, statusCode: response.statusCode, seconds: elapsedMs / 1_000, replayed: reply.getHeader('idempotent-replayed') === 'true' });
      }
      logRequest(logger, { id: request.id, method: request.method, statusCode: response.statusCode, responseTimeMs: Math.trunc(elapsedMs), actorId: request.actor?.actorId, route });
    });
    reply.headers(this.headers);
    return admitted;
  }
}
