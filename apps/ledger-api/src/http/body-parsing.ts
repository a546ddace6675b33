import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { BODY_LIMIT_BYTES, JSON_MEDIA_TYPE, parseJsonBody, unsupportedJson } from './json-body';
import { isXmlRoute, unsupportedXml, XML_BODY_LIMIT_BYTES, XML_MEDIA_TYPE } from './xml-body';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Request bodies: JSON on every command route (64 kB), XML on the bank-report route (the report's size
 * limit); any other media type is answered 415 before a byte of the body is read, and before the guards,
 * as the body parser did under Express. Fastify's own parsers are removed: none but these two reads a body.
 * A refusal is a ProblemException, answered as problem+json by the exception filter.
 */
export function registerBodyParsers(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(JSON_MEDIA_TYPE, { parseAs: 'buffer', bodyLimit: BODY_LIMIT_BYTES }, (request, body, done) => {
    try {
      done(null, parseJsonBody(request, body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  // The bank report as UTF-8 text: the bank-report parser validates it.
  fastify.addContentTypeParser(XML_MEDIA_TYPE, { parseAs: 'string', bodyLimit: XML_BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));
  fastify.addHook('onRequest', refuseOtherMediaTypes);
}

/** The route decides the media type: JSON everywhere, XML on the bank-report route; 415 otherwise. */
function refuseOtherMediaTypes(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  if (!WITH_BODY.has(request.method)) return done();
  const contentType = request.headers['content-type'] ?? '';
  if (isXmlRoute(request.method, request.routeOptions.url)) return done(XML_MEDIA_TYPE.test(contentType) ? undefined : unsupportedXml());
  done(JSON_MEDIA_TYPE.test(contentType) ? undefined : unsupportedJson());
}
