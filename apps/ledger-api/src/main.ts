import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { readLedgerConfig } from './config/ledger-config';

async function bootstrap(): Promise<void> {
  const config = readLedgerConfig();
  const app = await NestFactory.create(AppModule);
  app.enableShutdownHooks();
  await app.listen(config.port);
  console.log(`IJ Ledger listening on port ${config.port} (${config.eventStore} store, data in ${config.dataDirectory})`);
}

void bootstrap();
