/**
 * A PostgreSQL schema name, quoted for splicing into SQL. Schema names cannot be bound as parameters, so
 * only plain identifiers are accepted (lower-case letters, digits, `_`; at most 63 characters). The event
 * store, the read models and the replay tables all quote their schema with this one function.
 */
export function quotedSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/u.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  return `"${schema}"`;
}
