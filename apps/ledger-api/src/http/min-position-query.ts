import type { IncomingMessage } from 'node:http';

/** A query's read-your-writes request: wait until the read models include this log position. */
export const MIN_POSITION_HEADER = 'ledger-min-position';
const MIN_POSITION_PARAMETER = 'minPosition';

/**
 * `?minPosition=N` is the query-parameter form of the `Ledger-Min-Position` header. It is moved into the
 * header before routing (Fastify's rewriteUrl: the URL to route), so the queries' DTOs (which refuse
 * unknown parameters) never see it.
 */
export function minPositionQuery(request: Pick<IncomingMessage, 'url' | 'headers'>): string {
  const url = request.url ?? '/';
  const queryStart = url.indexOf('?');
  if (queryStart < 0 || !url.includes(MIN_POSITION_PARAMETER, queryStart)) return url;
  const parameters = new URLSearchParams(url.slice(queryStart + 1));
  const value = parameters.get(MIN_POSITION_PARAMETER);
  if (value === null) return url;
  parameters.delete(MIN_POSITION_PARAMETER);
  if (request.headers[MIN_POSITION_HEADER] === undefined) request.headers[MIN_POSITION_HEADER] = value;
  const rest = parameters.toString();
  return url.slice(0, queryStart) + (rest ? `?${rest}` : '');
}
