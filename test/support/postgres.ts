import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';

/** The machine's PostgreSQL (trust auth); DATABASE_URL overrides it. */
export const TEST_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema of its own for one test file, so runs never see each other's rows; dropped by `drop`. */
export async function temporarySchema(prefix = 'ij_test'): Promise<{ schema: string; drop(): Promise<void> }> {
  const schema = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  return {
    schema,
    drop: async () => {
      const pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
      try {
        await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await pool.end();
      }
    },
  };
}
