import type { LoggerService } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import pino, { type Logger } from 'pino';

const VISIBLE_ASCII = /^[\x21-\x7e]{1,128}$/u;

export interface LedgerLoggers {
  /** Nest's and the application's lines: redacted, since they may carry what a caller gave. */
  application: Logger;
  /** The request lines: fixed fields only (logRequest), with nothing to redact, so none is searched for. */
  requests: Logger;
}

/**
 * The process's JSON loggers, on standard output through one asynchronous destination: lines written while a
 * write is under way are written together by the next one (flushed on exit), so a request never waits for
 * the log. Keys and NIRs never reach a line: the redaction applies to every application line, and the
 * request lines carry neither headers, bodies nor URLs.
 */
export function createLedgerLoggers(level: string): LedgerLoggers {
  const destination = pino.destination({ dest: 1, sync: false });
  return {
    application: pino({ level, redact: { paths: ['req.headers.authorization', '*.nir', '*.*.nir', 'nir'], censor: '[redacted]' } }, destination),
    requests: pino({ level }, destination),
  };
}

/** The request id: the client's X-Request-Id when it is 1–128 visible ASCII characters, else a new UUID. */
export function requestId(request: Pick<IncomingMessage, 'headers'>): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && VISIBLE_ASCII.test(given) ? given : randomUUID();
}

/** What one request line says: never the URL (a NIR or a key placed in a path or a query string would reach the log). */
export interface RequestLine {
  id: string;
  method: string;
  statusCode: number;
  responseTimeMs: number;
  actorId: string | undefined;
  /** The matched route's template; none for an unknown path. */
  route: string | undefined;
}

/**
 * One JSON line per request, once its answer is sent (or its connection closed): request id and method,
 * status, response time, actor and route template. A 5xx is logged as "request errored". The same lines
 * pino-http wrote, without a child logger per request nor an async context around it.
 */
export function logRequest(logger: Logger, request: RequestLine): void {
  if (!logger.isLevelEnabled('info')) return;
  const line: Record<string, unknown> = {
    req: { id: request.id, method: request.method },
    res: { statusCode: request.statusCode },
    responseTime: request.responseTimeMs,
    actor: request.actorId,
    route: request.route,
  };
  if (request.statusCode >= 500) {
    line.err = new Error(`failed with status code ${request.statusCode}`);
    logger.info(line, 'request errored');
  } else {
    logger.info(line, 'request completed');
  }
}

/** Nest's logger on the same pino logger (what nestjs-pino's Logger did): Nest's context is logged as `context`. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...optional: unknown[]): void {
    this.call('info', message, optional);
  }
  error(message: unknown, ...optional: unknown[]): void {
    this.call('error', message, optional);
  }
  warn(message: unknown, ...optional: unknown[]): void {
    this.call('warn', message, optional);
  }
  debug(message: unknown, ...optional: unknown[]): void {
    this.call('debug', message, optional);
  }
  verbose(message: unknown, ...optional: unknown[]): void {
    this.call('trace', message, optional);
  }
  fatal(message: unknown, ...optional: unknown[]): void {
    this.call('fatal', message, optional);
  }

  private call(level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal', message: unknown, optional: unknown[]): void {
    const line: Record<string, unknown> = {};
    // Nest passes its context last.
    const params = optional.length > 0 ? optional.slice(0, -1) : [];
    if (optional.length > 0) line.context = optional[optional.length - 1];
    if (typeof message === 'object' && message !== null) {
      if (message instanceof Error) line.err = message;
      else Object.assign(line, message);
      this.logger[level](line, ...(params as []));
    } else if (level === 'error' && typeof message === 'string' && params.length === 1 && typeof params[0] === 'string' && /\n\s*at /u.test(params[0])) {
      // Nest's exception handlers call error(message, stack, context).
      const error = new Error(message);
      error.stack = params[0];
      line.err = error;
      this.logger[level](line);
    } else {
      this.logger[level](line, String(message), ...(params as []));
    }
  }
}
