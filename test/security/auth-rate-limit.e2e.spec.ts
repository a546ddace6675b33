import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createLedgerApp, type LedgerApp } from '../../apps/ledger-api/src/bootstrap';
import { readLedgerConfig } from '@ij/application';

/**
 * Issue 21, medium: requests with an unknown key were never rate-limited (the per-key limit counts actors, and
 * they have none), so keys could be guessed unthrottled. Failed authentications are counted per client address
 * before authentication: past LEDGER_AUTH_FAILURES_PER_MINUTE, the address gets 429 for the rest of the minute.
 */
describe('rate limit by client address before authentication', () => {
  const CLERK = 'auth-limit-clerk-key-0001';
  let dataDirectory: string;
  let ledger: LedgerApp;

  beforeAll(async () => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'ij-ledger-auth-limit-'));
    ledger = await createLedgerApp(
      readLedgerConfig({
        LEDGER_DATA_DIR: dataDirectory,
        LEDGER_API_KEYS: `${CLERK}:clerk:clerk-1`,
        LEDGER_POLICYHOLDER_SECRET: 'auth-limit-policyholder-secret-0123456789',
        LEDGER_AUTH_FAILURES_PER_MINUTE: '5',
        LOG_LEVEL: 'silent',
      }),
    );
    await ledger.app.init();
  });
  afterAll(async () => {
    await ledger?.close();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('answers 401 to the first 5 unknown keys of a minute, then 429 problem+json, even to a valid key; /health still answers', async () => {
    const server = ledger.app.getHttpServer();
    const statuses: number[] = [];
    for (let guess = 0; guess < 8; guess++) {
      statuses.push((await request(server).get('/v1/rules').set('Authorization', `Bearer guessed-key-${guess}-0000000`)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const limited = await request(server).get('/v1/rules').set('Authorization', `Bearer ${CLERK}`);
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/u);
    expect(limited.body.type).toMatch(/\/too-many-requests$/u);
    expect((await request(server).get('/health')).status).toBe(200);
  });
});
