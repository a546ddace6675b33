import { json, type NextFunction, type Request, type Response } from 'express';
import { PROBLEM_CONTENT_TYPE, problemType, type Problem } from './problem';

/** Largest request body: a command is a few hundred bytes; anything near this is abuse. */
export const BODY_LIMIT = '64kb';

const parseJson = json({ limit: BODY_LIMIT, strict: true, type: () => true });

function sendProblem(response: Response, problem: Problem): void {
  response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

/**
 * Parses JSON bodies of POST requests and answers malformed ones itself (Nest's filters do not see errors
 * raised by body parsing): wrong content type → 415, too large → 413, not JSON → 400.
 */
export function jsonBody(request: Request, response: Response, next: NextFunction): void {
  if (request.method !== 'POST' && request.method !== 'PUT' && request.method !== 'PATCH') return next();
  const contentType = request.headers['content-type'] ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/iu.test(contentType)) {
    return sendProblem(response, {
      type: problemType('unsupported-media-type'),
      title: 'Unsupported media type',
      status: 415,
      detail: 'Send the body as JSON with Content-Type: application/json.',
    });
  }
  parseJson(request, response, (error?: unknown) => {
    if (!error) {
      const forbidden = forbiddenKeyPath(request.body);
      if (forbidden === undefined) return next();
      return sendProblem(response, {
        type: problemType('validation-failed'),
        title: 'Invalid request',
        status: 400,
        detail: 'The request is not valid: see errors, one entry per field.',
        errors: [{ field: forbidden, message: 'is not an allowed field name' }],
      });
    }
    const failure = error as { type?: string; status?: number };
    if (failure.type === 'entity.too.large') {
      return sendProblem(response, { type: problemType('payload-too-large'), title: 'Request body too large', status: 413, detail: `The body exceeds ${BODY_LIMIT}.` });
    }
    if (failure.type === 'encoding.unsupported' || failure.type === 'charset.unsupported') {
      return sendProblem(response, { type: problemType('unsupported-media-type'), title: 'Unsupported media type', status: 415, detail: 'Send the body as UTF-8 JSON.' });
    }
    return sendProblem(response, { type: problemType('malformed-json'), title: 'Malformed JSON', status: 400, detail: 'The body is not valid JSON.' });
  });
}

/** Names that reach an object's prototype: no DTO has them, and class-validator's whitelist does not see them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The path of the first forbidden key anywhere in the parsed body, if there is one. */
function forbiddenKeyPath(value: unknown, path = ''): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const key of Object.keys(value)) {
    const here = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) return here;
    const nested = forbiddenKeyPath((value as Record<string, unknown>)[key], here);
    if (nested !== undefined) return nested;
  }
  return undefined;
}
