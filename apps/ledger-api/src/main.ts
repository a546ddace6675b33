import 'reflect-metadata';
import { createLedgerApp } from './bootstrap';
import { readLedgerConfig } from '@ij/application';

// A promise rejected by a request and left unhandled must not end the ledger (Node's default since 15): log it.
// Errors raised while a request is read are handed to Fastify's callbacks (http/body-parsing.ts), so none reaches here.
process.on('unhandledRejection', (reason: unknown) => {
  console.error(`unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`);
});

async function main(): Promise<void> {
  const config = readLedgerConfig();
  const ledger = await createLedgerApp(config);
  await ledger.app.listen(config.port, config.bindAddress);
  console.log(`IJ Ledger listening on http://${config.bindAddress.includes(':') ? `[${config.bindAddress}]` : config.bindAddress}:${config.port} (${config.eventStore} store, data in ${config.dataDirectory})`);
  if (ledger.generatedKeysFile) console.log(`API keys (generated on first start, mode 0600): ${ledger.generatedKeysFile}`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: no new requests; finishing the ${ledger.requestsInFlight()} in flight`);
    ledger.shutdown().then(
      (drained) => {
        console.log(drained ? 'IJ Ledger stopped: every request in flight answered, read models checkpointed, stores closed' : 'IJ Ledger stopped after the grace period: some requests were cut');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
