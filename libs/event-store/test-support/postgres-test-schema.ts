import { Pool } from 'pg';

/**
 * A private schema per test run on the CI PostgreSQL, dropped at the end, so runs never see each
 * other's rows. PostgreSQL is required: when it is unreachable the tests fail, they do not skip.
 */
export const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function aTestSchemaName(purpose: string): string {
  return `es_test_${purpose}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await pool.end();
  }
}
