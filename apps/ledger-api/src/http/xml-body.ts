import { text, type NextFunction, type Request, type Response } from 'express';
import { MAX_REPORT_BYTES } from '@ij/bank-files';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem';

/** Routes whose body is an XML document (bank reports), and how large one may be. */
const XML_ROUTES = new Set(['/v1/bank-reports']);
// The bank-report reader refuses larger documents unread: the body parser stops at the same size.
const XML_BODY_LIMIT = MAX_REPORT_BYTES;

const parseText = text({ limit: XML_BODY_LIMIT, type: () => true });

export function isXmlRoute(request: Request): boolean {
  return request.method === 'POST' && XML_ROUTES.has(request.path);
}

/** Reads an XML route's body as text (application/xml or text/xml, else 415); the parser validates it. */
export function xmlBody(request: Request, response: Response, next: NextFunction): void {
  const contentType = request.headers['content-type'] ?? '';
  if (!/^(?:application|text)\/(?:[\w.+-]+\+)?xml\s*(?:;|$)/iu.test(contentType)) {
    response.status(415).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify({ type: problemType('unsupported-media-type'), title: 'Unsupported media type', status: 415, detail: 'Send the bank report as XML with Content-Type: application/xml.' }));
    return;
  }
  parseText(request, response, (error?: unknown) => {
    if (!error) return next();
    const status = (error as { status?: number }).status === 413 ? 413 : 400;
    response.status(status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify({ type: problemType(status === 413 ? 'payload-too-large' : 'bad-request'), title: status === 413 ? 'Request body too large' : 'Bad request', status, detail: 'The XML body could not be read.' }));
  });
}
