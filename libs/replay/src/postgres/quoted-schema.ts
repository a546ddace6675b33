/** Schema names are spliced into SQL, so only plain identifiers are accepted (as libs/projections does). */
export function quotedSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/u.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  return `"${schema}"`;
}
