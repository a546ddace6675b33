import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Checks real answers against the OpenAPI document they are documented in: the status must be documented
 * for the operation, the media type listed, the headers named, and a JSON body must match its schema.
 * Schemas are read strictly: an object schema that does not say otherwise allows no member it does not
 * list, so an answer with an undocumented field fails (the document itself stays open to additions).
 */
type Json = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json>; securitySchemes?: Record<string, Json> };
}

export interface Operation {
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema: Json }> }>;
  security?: Array<Record<string, string[]>>;
  requestBody?: unknown;
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  text?: string;
}

const SCHEMAS_ID = 'ledger-openapi.json';
/** Headers every answer may carry (helmet, the HTTP server, rate limits): not the API's own. */
const API_HEADERS = ['idempotent-replayed', 'ledger-position', 'ledger-projection-position', 'retry-after', 'ledger-history-next'];

export class OpenApiAnswers {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();
  /** `METHOD /template status` of every answer checked. */
  readonly checked: string[] = [];

  constructor(readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    const definitions = Object.fromEntries(Object.entries(document.components.schemas).map(([name, schema]) => [name, strict(toJsonSchema(schema))]));
    this.ajv.addSchema({ $id: SCHEMAS_ID, definitions });
  }

  operation(method: string, template: string): Operation {
    const operation = this.document.paths[template]?.[method.toLowerCase()];
    if (!operation) throw new Error(`${method} ${template} is not in the document`);
    return operation;
  }

  /** The list of what is wrong with this answer to `METHOD template`; empty when it is as documented. */
  problems(method: string, template: string, answer: Answer): string[] {
    const operation = this.operation(method, template);
    const documented = operation.responses[String(answer.status)];
    const where = `${method} ${template} → ${answer.status}`;
    if (!documented) return [`${where}: status not documented (documented: ${Object.keys(operation.responses).join(', ')})`];
    this.checked.push(`${method.toUpperCase()} ${template} ${answer.status}`);
    const found: string[] = [];
    for (const header of API_HEADERS) {
      const named = Object.keys(documented.headers ?? {}).some((name) => name.toLowerCase() === header);
      if (answer.headers[header] !== undefined && !named) found.push(`${where}: header ${header} not documented`);
    }
    const mediaType = String(answer.headers['content-type'] ?? '').split(';')[0].trim();
    const content = documented.content?.[mediaType];
    if (!content) return [...found, `${where}: media type ${mediaType} not documented (documented: ${Object.keys(documented.content ?? {}).join(', ')})`];
    if (!mediaType.endsWith('json')) return found;
    const key = `${method} ${template} ${answer.status} ${mediaType}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(content.schema));
      this.compiled.set(key, validate);
    }
    if (!validate(answer.body)) {
      const errors = (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
      found.push(`${where}: ${errors.join('\n  ')}\n  body: ${JSON.stringify(answer.body).slice(0, 600)}`);
    }
    return found;
  }
}

/** OpenAPI 3.0 schema → JSON Schema: `nullable` becomes a union with null, refs point into the added definitions. */
export function toJsonSchema(schema: unknown): Json {
  return convert(schema) as Json;
}

function convert(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convert);
  if (typeof value !== 'object' || value === null) return value;
  const { nullable, ...rest } = value as Json;
  const converted: Json = {};
  for (const [key, member] of Object.entries(rest)) {
    if (key === '$ref' && typeof member === 'string') converted.$ref = member.replace('#/components/schemas/', `${SCHEMAS_ID}#/definitions/`);
    else if (key === 'example' || key === 'examples') continue;
    else converted[key] = key === 'properties' ? Object.fromEntries(Object.entries(member as Json).map(([name, property]) => [name, convert(property)])) : convert(member);
  }
  return nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
}

/** A component schema that lists its properties and says nothing of others allows no others. */
function strict(schema: Json): Json {
  if (schema.properties && schema.additionalProperties === undefined) return { ...schema, additionalProperties: false };
  return schema;
}
