import type { FastifyRequest } from 'fastify';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { forbiddenKeyPath, jsonNestingDepth, MAX_JSON_DEPTH } from './json-depth';
import { ProblemException, ValidationFailed } from './problem';

/** Largest request body: a command is a few hundred bytes; anything near this is abuse. */
export const BODY_LIMIT_BYTES = 64 * 1024;
const BODY_LIMIT = '64kb';

/** application/json and its +json variants, with or without parameters. */
export const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/iu;

/** A body sent compressed is read once inflated, and refused past the same limit once inflated. */
const INFLATE: Record<string, (body: Buffer, options: { maxOutputLength: number }) => Buffer> = {
  gzip: gunzipSync,
  deflate: inflateSync,
  br: brotliDecompressSync,
};

export const unsupportedJson = (detail = 'Send the body as JSON with Content-Type: application/json.') =>
  new ProblemException(415, 'unsupported-media-type', 'Unsupported media type', detail);
const malformed = (detail: string) => new ProblemException(400, 'malformed-json', 'Malformed JSON', detail);
export const tooLarge = () => new ProblemException(413, 'payload-too-large', 'Request body too large', `The body exceeds ${BODY_LIMIT}.`);

/**
 * A JSON body, as body-parser read it before (strict: an object or an array): UTF-8 only (415 otherwise),
 * gzip/deflate/br inflated (415 for another encoding), nesting deeper than MAX_JSON_DEPTH refused before
 * JSON.parse walks it, an empty body read as {}, and a key that could pollute a prototype refused by name.
 * Every refusal is a ProblemException: the exception filter answers it as problem+json.
 */
export function parseJsonBody(request: FastifyRequest, body: Buffer): unknown {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/iu.exec(request.headers['content-type'] ?? '')?.[1];
  if (charset !== undefined && !/^utf-?8$/iu.test(charset)) throw unsupportedJson('Send the body as UTF-8 JSON.');
  const raw = inflated(body, request.headers['content-encoding']);
  if (raw.length === 0) return {};
  if (jsonNestingDepth(raw) > MAX_JSON_DEPTH) {
    throw new ProblemException(400, 'nesting-too-deep', 'JSON nested too deep', `The body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels.`);
  }
  const text = raw.toString('utf8');
  const first = /^[\s\ufeff]*(.)/u.exec(text)?.[1];
  if (first !== '{' && first !== '[') throw malformed('The body is not valid JSON.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\ufeff/u, ''));
  } catch {
    throw malformed('The body is not valid JSON.');
  }
  const forbidden = forbiddenKeyPath(parsed);
  if (forbidden !== undefined) throw new ValidationFailed([{ field: forbidden, message: 'is not an allowed field name' }]);
  return parsed;
}

function inflated(body: Buffer, encoding: string | undefined): Buffer {
  const name = (encoding ?? 'identity').trim().toLowerCase();
  if (name === 'identity') return body;
  const inflate = INFLATE[name];
  if (!inflate) throw unsupportedJson('Send the body as UTF-8 JSON.');
  try {
    return inflate(body, { maxOutputLength: BODY_LIMIT_BYTES });
  } catch (error) {
    if (error instanceof RangeError) throw tooLarge();
    throw malformed('The body could not be read as JSON.');
  }
}
