import { json, type NextFunction, type Request, type Response } from 'express';
import { forbiddenKeyPath, jsonNestingDepth, MAX_JSON_DEPTH } from './json-depth';
import { PROBLEM_CONTENT_TYPE, problemType, type Problem } from './problem';

/** Largest request body: a command is a few hundred bytes; anything near this is abuse. */
export const BODY_LIMIT = '64kb';

const NESTING_TOO_DEEP = 'nesting.too.deep';

/** Refuses, before JSON.parse and before anything walks the parsed value, a body nested deeper than MAX_JSON_DEPTH. */
function refuseDeepNesting(_request: unknown, _response: unknown, raw: Buffer): void {
  if (jsonNestingDepth(raw) > MAX_JSON_DEPTH) throw Object.assign(new Error('JSON nested too deep'), { type: NESTING_TOO_DEEP, status: 400 });
}

const parseJson = json({ limit: BODY_LIMIT, strict: true, type: () => true, verify: refuseDeepNesting });

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
    // This callback runs from the request stream's events, outside Express's try/catch: whatever it throws
    // would be an uncaught exception that ends the process. So nothing escapes it.
    try {
      answerParsed(request, response, next, error);
    } catch {
      if (response.headersSent) response.destroy();
      else sendProblem(response, { type: problemType('malformed-json'), title: 'Malformed JSON', status: 400, detail: 'The body could not be read as JSON.' });
    }
  });
}

function answerParsed(request: Request, response: Response, next: NextFunction, error: unknown): void {
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
  if (failure.type === NESTING_TOO_DEEP) {
    return sendProblem(response, {
      type: problemType('nesting-too-deep'),
      title: 'JSON nested too deep',
      status: 400,
      detail: `The body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels.`,
    });
  }
  if (failure.type === 'entity.too.large') {
    return sendProblem(response, { type: problemType('payload-too-large'), title: 'Request body too large', status: 413, detail: `The body exceeds ${BODY_LIMIT}.` });
  }
  if (failure.type === 'encoding.unsupported' || failure.type === 'charset.unsupported') {
    return sendProblem(response, { type: problemType('unsupported-media-type'), title: 'Unsupported media type', status: 415, detail: 'Send the body as UTF-8 JSON.' });
  }
  return sendProblem(response, { type: problemType('malformed-json'), title: 'Malformed JSON', status: 400, detail: 'The body is not valid JSON.' });
}
