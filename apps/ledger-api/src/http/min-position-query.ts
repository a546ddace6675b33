import type { NextFunction, Request, Response } from 'express';

/** A query's read-your-writes request: wait until the read models include this log position. */
export const MIN_POSITION_HEADER = 'ledger-min-position';
const MIN_POSITION_PARAMETER = 'minPosition';

/**
 * `?minPosition=N` is the query-parameter form of the `Ledger-Min-Position` header. It is moved into the
 * header before routing, so the queries' DTOs (which refuse unknown parameters) never see it.
 */
export function minPositionQuery(request: Request, _response: Response, next: NextFunction): void {
  const queryStart = request.url.indexOf('?');
  if (queryStart < 0 || !request.url.includes(MIN_POSITION_PARAMETER, queryStart)) return next();
  const parameters = new URLSearchParams(request.url.slice(queryStart + 1));
  const value = parameters.get(MIN_POSITION_PARAMETER);
  if (value === null) return next();
  parameters.delete(MIN_POSITION_PARAMETER);
  if (request.headers[MIN_POSITION_HEADER] === undefined) request.headers[MIN_POSITION_HEADER] = value;
  const rest = parameters.toString();
  request.url = request.url.slice(0, queryStart) + (rest ? `?${rest}` : '');
  next();
}
