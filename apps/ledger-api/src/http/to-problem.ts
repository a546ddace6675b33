import { HttpException } from '@nestjs/common';
import { DomainError } from '@ij/ledger';
import { ApplicationError } from '@ij/application';
import { ProblemException, problemType, type Problem } from './problem';
import { domainProblemStatus, HTTP_PROBLEM_STATUS } from './problem-catalog';

const STATUS_CODES: Record<number, { code: string; title: string }> = {
  400: { code: 'bad-request', title: 'Bad request' },
  401: { code: 'unauthorized', title: 'Authentication required' },
  403: { code: 'forbidden', title: 'Forbidden' },
  404: { code: 'not-found', title: 'Not found' },
  405: { code: 'method-not-allowed', title: 'Method not allowed' },
  409: { code: 'conflict', title: 'Conflict' },
  413: { code: 'payload-too-large', title: 'Request body too large' },
  415: { code: 'unsupported-media-type', title: 'Unsupported media type' },
  422: { code: 'unprocessable', title: 'Unprocessable request' },
  429: { code: 'too-many-requests', title: 'Too many requests' },
};

/**
 * The one mapping from an error to problem+json. Returns undefined for an unexpected error, which the
 * filter answers as a 500 that reveals nothing but a correlation id.
 */
export function toProblem(error: unknown): Problem | undefined {
  if (error instanceof DomainError) {
    const status = domainProblemStatus(error.code);
    return { type: problemType(error.code), title: error.title, status, detail: error.message, ...factsOf(error) };
  }
  if (error instanceof ApplicationError) {
    return { type: problemType(error.code), title: error.title, status: HTTP_PROBLEM_STATUS[error.code], detail: error.message, ...factsOf(error) };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    if (typeof response === 'object' && response !== null && 'type' in response) return response as Problem;
    const known = STATUS_CODES[status] ?? { code: `http-${status}`, title: 'Error' };
    const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    // The router's "Cannot GET /the/path" would echo the path (and whatever was put in it): never repeat it.
    if (status === 404 && typeof message === 'string' && /^Cannot [A-Z]+ /u.test(message)) {
      return { type: problemType(known.code), title: known.title, status, detail: 'No resource answers this method and path.' };
    }
    return {
      type: problemType(known.code),
      title: known.title,
      status,
      detail: typeof message === 'string' ? message : error.message,
    };
  }
  if (isFastifyRequestError(error)) {
    // Raised by Fastify while it read the request (a body over its route's limit, a bad Content-Length): its
    // message names no input, and its status is the answer.
    const known = STATUS_CODES[error.statusCode] ?? { code: `http-${error.statusCode}`, title: 'Error' };
    return { type: problemType(known.code), title: known.title, status: error.statusCode, detail: error.statusCode === 413 ? 'The body exceeds the size this route accepts.' : 'The request could not be read.' };
  }
  return undefined;
}

function isFastifyRequestError(error: unknown): error is Error & { code: string; statusCode: number } {
  if (!(error instanceof Error)) return false;
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  return typeof code === 'string' && code.startsWith('FST_') && typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500;
}

/**
 * A domain error about something a query names in its URL (a rules version in `?rulesVersion=`): 404, where
 * the same error refusing a command is 409. Same type, title, detail and facts: the code is defined once.
 */
export function asNotFound(error: DomainError): ProblemException {
  return new ProblemException(404, error.code, error.title, error.message, factsOf(error));
}

/** The facts a domain error carries (its own fields), as problem extensions. */
function factsOf(error: DomainError | ApplicationError): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(error)) {
    if (!['code', 'title', 'name', 'stack', 'message'].includes(name)) facts[name] = value;
  }
  return facts;
}
