import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLedgerApp } from './bootstrap';
import { readLedgerConfig } from '@ij/application';
import { ledgerOpenApiDocument } from './http/openapi/ledger-document';

/**
 * Writes the OpenAPI document (the one GET /docs-json serves) to a file without starting a server: the
 * application is built on a throwaway SQLite directory. `npm run openapi:client` types a client from it.
 */
async function main(outFile: string | undefined): Promise<void> {
  if (!outFile) throw new Error('usage: node dist/apps/ledger-api/src/openapi-document.js <out.json>');
  const dataDirectory = mkdtempSync(join(tmpdir(), 'ij-ledger-openapi-'));
  try {
    const config = readLedgerConfig({ LEDGER_DATA_DIR: dataDirectory, LEDGER_EVENT_STORE: 'sqlite', LEDGER_API_KEYS: 'openapi-document-key-0001:clerk:openapi', LEDGER_POLICYHOLDER_SECRET: 'openapi-document-throwaway-secret-0001', LOG_LEVEL: 'silent' });
    const ledger = await createLedgerApp(config);
    try {
      writeFileSync(outFile, `${JSON.stringify(ledgerOpenApiDocument(ledger.app), null, 2)}\n`);
    } finally {
      await ledger.close();
    }
  } finally {
    rmSync(dataDirectory, { recursive: true, force: true });
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
