import { applyDecorators, type Type } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiExtraModels, ApiHeader, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { HeadersObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PROBLEM_CONTENT_TYPE, problemType } from '../problem';
import { problemStatusOf, type DocumentedProblem } from '../problem-catalog';
import { ProblemSchema } from './problem.schema';

/** A success body: a schema class (its name is the schema's), a named list of one (`History`), or a file that is not JSON. */
export type AnswerBody = Type<unknown> | NamedList | FileAnswer;

export interface NamedList {
  name: string;
  of: Type<unknown>;
}

export interface FileAnswer {
  mediaType: string;
  description: string;
}

/** Lists documented under their own name (`History` = HistoryEntry[]); the document adds them to its schemas. */
export const NAMED_LISTS = new Map<string, Type<unknown>>();

export function namedList(name: string, of: Type<unknown>): NamedList {
  NAMED_LISTS.set(name, of);
  return { name, of };
}

/** A success body sent as a file (the bank file): `fileOf('application/xml', 'the pain.001 file')`. */
export function fileOf(mediaType: string, description: string): FileAnswer {
  return { mediaType, description };
}

export interface AnswerOptions {
  /** Problems this operation answers besides those every operation of its kind answers. */
  problems?: readonly DocumentedProblem[];
  /** Other representations of the same answer (`?format=csv`), by media type, with what they hold. */
  alternatives?: Readonly<Record<string, { description: string; binary?: boolean }>>;
  /** Served without a key (no 401/403). */
  public?: boolean;
  /** Served to any valid key, whatever its roles (no 403). */
  anyRole?: boolean;
  /** A JSON body answered with a failure status, by status (readiness: 503 with its verdict). */
  otherAnswers?: Readonly<Record<number, Type<unknown>>>;
  /** A request body that is not JSON (a bank report in XML): its media type and what it holds. */
  consumes?: FileAnswer;
  /** Headers of the success answer besides the command's or query's own (a page's cursor). */
  headers?: HeadersObject;
  /** A command idempotent by its content (a bank report): no Idempotency-Key, no Idempotent-Replayed or Ledger-Position. */
  keyless?: boolean;
}

const STRING: SchemaObject = { type: 'string' };

/** On every command answer: the repeat of a command is the first answer again, marked. */
const REPLAYED_HEADER: HeadersObject = {
  'Idempotent-Replayed': { description: '`true` when this is the stored answer to an earlier request with the same Idempotency-Key and body', schema: { type: 'string', enum: ['true'] } },
};

const COMMAND_SUCCESS_HEADERS: HeadersObject = {
  ...REPLAYED_HEADER,
  'Ledger-Position': {
    description: 'the global log position of the last event this command recorded: send it as `Ledger-Min-Position` (or `?minPosition=`) on a query to read your own write from any API process',
    schema: { type: 'string', pattern: '^\\d+$' },
  },
};

const QUERY_SUCCESS_HEADERS: HeadersObject = {
  'Ledger-Projection-Position': { description: 'the read models\' log position, when the request sent Ledger-Min-Position', schema: { type: 'string', pattern: '^\\d+$' } },
};

/** Headers of a failure answer, by status. */
type FailureHeaders = (status: number) => HeadersObject;

/** A domain refusal is stored with the key and answered again, marked, to a repeat. */
const COMMAND_FAILURE_HEADERS: FailureHeaders = (status) => (status === 404 || status === 409 || status === 422 ? REPLAYED_HEADER : {});

/** projection-lagging says how far the read models are, and when to retry. */
const QUERY_FAILURE_HEADERS: FailureHeaders = (status) =>
  status === 503 ? { ...QUERY_SUCCESS_HEADERS, 'Retry-After': { description: 'seconds', schema: { type: 'string', pattern: '^\\d+$' } } } : {};

/** Answered by any operation (the rate limit and an unexpected failure). */
const EVERY_OPERATION: readonly DocumentedProblem[] = ['too-many-requests', 'internal-error'];
const AUTHENTICATED: readonly DocumentedProblem[] = ['unauthorized', 'forbidden'];

function access(options: AnswerOptions): readonly DocumentedProblem[] {
  if (options.public) return [];
  return options.anyRole ? ['unauthorized'] : AUTHENTICATED;
}
/** Path and query parameters, and the Ledger-Min-Position header, are validated. */
const QUERY: readonly DocumentedProblem[] = ['validation-failed', 'bad-request', 'projection-lagging'];
/** A JSON body is parsed, checked and validated before anything runs. */
const WITH_BODY: readonly DocumentedProblem[] = ['validation-failed', 'bad-request', 'malformed-json', 'nesting-too-deep', 'payload-too-large', 'unsupported-media-type'];
const COMMAND: readonly DocumentedProblem[] = [...WITH_BODY, 'idempotency-key-reused', 'too-much-contention'];

/**
 * The answers of a command (POST with an Idempotency-Key): its success body, the Idempotency-Key it needs,
 * the Idempotent-Replayed and Ledger-Position headers, and every problem it can answer.
 * `@CommandAnswers(201, RegularizationOutcome, { problems: ['stoppage-closed', 'missing-salary-certificate'] })`
 */
export function CommandAnswers(status: 200 | 201 | 202, body: AnswerBody, options: AnswerOptions = {}): MethodDecorator {
  const consumes = options.consumes;
  const request = consumes ? [ApiConsumes(consumes.mediaType), ApiBody({ description: consumes.description, required: true, schema: { type: 'string' } })] : [];
  if (options.keyless) {
    return applyDecorators(...request, answers(status, body, {}, [...WITH_BODY, 'too-much-contention', ...access(options), ...EVERY_OPERATION, ...(options.problems ?? [])], options, () => ({})));
  }
  return applyDecorators(
    ...request,
    ApiHeader({ name: 'Idempotency-Key', required: true, description: '1–128 visible ASCII characters, scoped to your API key; a repeat with the same body gets the first answer again (kept 30 days), with a different body 422', schema: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' } }),
    ApiHeader({ name: 'X-Correlation-Id', required: false, description: 'ties this command\'s events to a business flow (1–128 visible ASCII characters); the request id otherwise' }),
    answers(status, body, COMMAND_SUCCESS_HEADERS, [...COMMAND, ...access(options), ...EVERY_OPERATION, ...(options.problems ?? [])], options, COMMAND_FAILURE_HEADERS),
  );
}

/**
 * The answers of a query (a GET, or a POST that changes nothing): its success body, the optional
 * Ledger-Min-Position header, and every problem it can answer.
 * `@QueryAnswers(Balance, { problems: ['policyholder-not-found'] })`
 */
export function QueryAnswers(body: AnswerBody, options: AnswerOptions & { withBody?: boolean } = {}): MethodDecorator {
  const kind = [...QUERY, ...(options.withBody ? WITH_BODY : []), ...access(options), ...EVERY_OPERATION];
  return applyDecorators(
    ApiHeader({ name: 'Ledger-Min-Position', required: false, description: 'read your own write: wait until the read models include this log position (a command\'s Ledger-Position), or 503 projection-lagging; also accepted as `?minPosition=`', schema: { type: 'string', pattern: '^\\d{1,19}$' } }),
    answers(200, body, QUERY_SUCCESS_HEADERS, [...kind, ...(options.problems ?? [])], options, QUERY_FAILURE_HEADERS),
  );
}

function answers(status: number, body: AnswerBody, ownHeaders: HeadersObject, problems: readonly DocumentedProblem[], options: AnswerOptions, problemHeaders: FailureHeaders): MethodDecorator {
  const headers = { ...ownHeaders, ...options.headers };
  const failures = problemResponses(problems, problemHeaders, options.otherAnswers ?? {});
  const others = Object.values(options.otherAnswers ?? {});
  if ('mediaType' in body) {
    return applyDecorators(
      ApiExtraModels(ProblemSchema, ...others),
      ApiResponse({ status, description: body.description, headers, content: { [body.mediaType]: { schema: STRING } } }),
      ...failures,
    );
  }
  const [name, model] = 'of' in body ? [body.name, body.of] : [body.name, body];
  const alternatives = Object.entries(options.alternatives ?? {});
  const content = {
    'application/json': { schema: { $ref: getSchemaPath(name) } },
    ...Object.fromEntries(alternatives.map(([mediaType, { binary }]) => [mediaType, { schema: binary ? { type: 'string', format: 'binary' } : STRING }])),
  };
  const description = [name, ...alternatives.map(([mediaType, { description }]) => `${mediaType}: ${description}`)].join('; ');
  return applyDecorators(ApiExtraModels(ProblemSchema, model, ...others), ApiResponse({ status, description, headers, content }), ...failures);
}

/**
 * One answer per failure status: problem+json, its `type` restricted to the codes this operation uses,
 * and at a status listed in `others` a JSON body of that class too (readiness answers 503 with its verdict).
 */
function problemResponses(problems: readonly DocumentedProblem[], headers: FailureHeaders, others: Readonly<Record<number, Type<unknown>>>): MethodDecorator[] {
  const byStatus = new Map<number, Set<string>>();
  for (const problem of problems) {
    const { status, code } = problemStatusOf(problem);
    byStatus.set(status, (byStatus.get(status) ?? new Set()).add(code));
  }
  for (const status of Object.keys(others)) if (!byStatus.has(Number(status))) byStatus.set(Number(status), new Set());
  return [...byStatus.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, codes]) => {
      const types = [...codes].sort();
      const other = others[status];
      const problem: SchemaObject = {
        allOf: [
          { $ref: getSchemaPath(ProblemSchema) },
          { type: 'object', properties: { type: { type: 'string', enum: types.map(problemType) }, status: { type: 'integer', enum: [status] } } },
        ],
      };
      return ApiResponse({
        status,
        description: [...(other ? [other.name] : []), ...(types.length > 0 ? [`problem+json: ${types.join(', ')}`] : [])].join('; '),
        headers: headers(status),
        content: {
          ...(other ? { 'application/json': { schema: { $ref: getSchemaPath(other) } } } : {}),
          ...(types.length > 0 ? { [PROBLEM_CONTENT_TYPE]: { schema: problem } } : {}),
        },
      });
    });
}
