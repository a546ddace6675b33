import 'reflect-metadata';
import { createLedgerApp } from './bootstrap';
import { readLedgerConfig } from './config/ledger-config';

async function main(): Promise<void> {
  const config = readLedgerConfig();
  const ledger = await createLedgerApp(config);
  await ledger.app.listen(config.port);
  console.log(`IJ Ledger listening on http://localhost:${config.port} (${config.eventStore} store, data in ${config.dataDirectory})`);
  if (ledger.generatedKeysFile) console.log(`API keys (generated on first start, mode 0600): ${ledger.generatedKeysFile}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
