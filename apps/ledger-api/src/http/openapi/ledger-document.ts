import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { NAMED_LISTS } from './answers';
import { OPEN_SCHEMAS } from './open-schema';

/**
 * The OpenAPI document, generated from the controllers' decorators and the answers' schema classes
 * (served at /docs-json; `npm run openapi:client` types a client from it). API keys are opaque bearer
 * tokens, not JWTs.
 */
export function ledgerOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('IJ Ledger')
      .setDescription(
        'Event-sourced payment ledger for French daily sickness allowances (indemnités journalières). Money in integer cents (fields ending in `Cents`), dates YYYY-MM-DD. ' +
          'Every error is application/problem+json; match on its `type`. Every command needs an Idempotency-Key.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key of this ledger (LEDGER_API_KEYS, or the keys file generated on first start): `Authorization: Bearer <key>`. Opaque, not a JWT.' })
      .build(),
  );
  // DocumentBuilder adds `bearerFormat: JWT` to every bearer scheme: these keys are opaque.
  const bearer = document.components?.securitySchemes?.bearer;
  if (bearer && 'bearerFormat' in bearer) delete bearer.bearerFormat;
  const schemas = (document.components ??= {}).schemas ?? {};
  for (const [name, item] of NAMED_LISTS) schemas[name] = { type: 'array', items: { $ref: getSchemaPath(item) } };
  for (const open of OPEN_SCHEMAS) {
    const schema = schemas[getSchemaPath(open).split('/').pop()!];
    if (schema && !('$ref' in schema)) schema.additionalProperties = true;
  }
  document.components.schemas = schemas;
  return document;
}
