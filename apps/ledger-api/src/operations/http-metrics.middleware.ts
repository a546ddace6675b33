import type { NextFunction, Request, Response } from 'express';
import type { LedgerMetrics } from './ledger-metrics';

/** The route label of a request no route matched (404s, the console's static files): never the raw URL. */
export const UNMATCHED_ROUTE = '(unmatched)';

type RoutedRequest = Request & { route?: { path?: unknown } };

/**
 * Observes every request's latency by method, route template and status once its answer is sent, and
 * counts the idempotent replays (the answers marked Idempotent-Replayed). Per request: one timer and one
 * listener; the labels are read after the response, when Express knows the matched route.
 */
export function httpMetricsMiddleware(metrics: LedgerMetrics) {
  return (request: RoutedRequest, response: Response, next: NextFunction): void => {
    const startedAt = performance.now();
    response.once('finish', () => {
      const template = request.route?.path;
      const route = typeof template === 'string' ? template : UNMATCHED_ROUTE;
      metrics.httpDuration.observe({ method: request.method, route, status: String(response.statusCode) }, (performance.now() - startedAt) / 1_000);
      if (response.getHeader('idempotent-replayed') === 'true') metrics.idempotentReplays.inc();
    });
    next();
  };
}
