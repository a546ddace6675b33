import { MAX_REPORT_BYTES } from '@ij/bank-files';
import { ProblemException } from './problem';

/** Routes whose body is an XML document (bank reports), and how large one may be. */
const XML_ROUTES = new Set(['/v1/bank-reports']);
// The bank-report reader refuses larger documents unread: the body is read up to the same size.
export const XML_BODY_LIMIT_BYTES = MAX_REPORT_BYTES;

/** application/xml, text/xml and their +xml variants. */
export const XML_MEDIA_TYPE = /^(?:application|text)\/(?:[\w.+-]+\+)?xml\s*(?:;|$)/iu;

export function isXmlRoute(method: string, routeUrl: string | undefined): boolean {
  return method === 'POST' && routeUrl !== undefined && XML_ROUTES.has(routeUrl);
}

export const unsupportedXml = () =>
  new ProblemException(415, 'unsupported-media-type', 'Unsupported media type', 'Send the bank report as XML with Content-Type: application/xml.');
