import type { LedgerMetrics } from './ledger-metrics';

/** The route label of a request no route matched (404s, the console's static files): never the raw URL. */
export const UNMATCHED_ROUTE = '(unmatched)';

export interface AnsweredRequest {
  method: string;
  /** The matched route's template; none for an unknown path. */
  route: string | undefined;
  statusCode: number;
  seconds: number;
  /** The answer was marked Idempotent-Replayed. */
  replayed: boolean;
}

/** Observes an answered request's latency by method, route template and status, and counts the idempotent replays. */
export function observeHttpRequest(metrics: LedgerMetrics, request: AnsweredRequest): void {
  metrics.httpDuration.observe({ method: request.method, route: request.route ?? UNMATCHED_ROUTE, status: String(request.statusCode) }, request.seconds);
  if (request.replayed) metrics.idempotentReplays.inc();
}
