import type { PolicyholderSource } from './policyholder-source';
import { SqlitePolicyholderSource } from './sqlite/sqlite-policyholder-source';

/** How a worker thread opens its own connection to the read models (a connection cannot cross threads). */
export type SourceSpec =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; connectionString: string; schema: string };

/**
 * The PostgreSQL adapter is loaded only when a worker needs it: importing it loads pg and the
 * event store's barrel, some 100 ms of each SQLite worker's start.
 */
export async function openSource(spec: SourceSpec): Promise<PolicyholderSource> {
  switch (spec.kind) {
    case 'sqlite':
      return SqlitePolicyholderSource.openReadOnly(spec.file);
    case 'postgres': {
      const { PostgresPolicyholderSource } = await import('./postgres/postgres-policyholder-source');
      return PostgresPolicyholderSource.open(spec.connectionString, spec.schema);
    }
    default: {
      const unknown: never = spec;
      throw new Error(`Unknown source ${JSON.stringify(unknown)}`);
    }
  }
}
