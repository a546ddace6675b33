import type { PolicyholderSource } from './policyholder-source';
import { PostgresPolicyholderSource } from './postgres/postgres-policyholder-source';
import { SqlitePolicyholderSource } from './sqlite/sqlite-policyholder-source';

/** How a worker thread opens its own connection to the read models (a connection cannot cross threads). */
export type SourceSpec =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; connectionString: string; schema: string };

export function openSource(spec: SourceSpec): PolicyholderSource {
  switch (spec.kind) {
    case 'sqlite':
      return SqlitePolicyholderSource.openReadOnly(spec.file);
    case 'postgres':
      return PostgresPolicyholderSource.open(spec.connectionString, spec.schema);
    default: {
      const unknown: never = spec;
      throw new Error(`Unknown source ${JSON.stringify(unknown)}`);
    }
  }
}
