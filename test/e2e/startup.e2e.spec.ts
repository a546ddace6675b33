import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import helmet from 'helmet';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import request from 'supertest';
import { createLedgerApp, type LedgerApp } from '../../apps/ledger-api/src/bootstrap';
import { GENERATED_KEYS_FILE, readLedgerConfig } from '@ij/application';

/** Starting the embedded default with no configuration: health, API docs, and generated keys (api.md, "Starting it"). */
describe('starting the embedded default without LEDGER_API_KEYS', () => {
  let dataDirectory: string;
  let ledger: LedgerApp;

  beforeAll(async () => {
    // A directory the ledger creates itself (mkdtemp's own is already 0700).
    dataDirectory = join(mkdtempSync(join(tmpdir(), 'ij-ledger-start-')), 'data');
    ledger = await createLedgerApp(readLedgerConfig({ LEDGER_DATA_DIR: dataDirectory, LOG_LEVEL: 'silent' }));
    await ledger.app.init();
  });
  afterAll(async () => {
    await ledger?.close();
    rmSync(join(dataDirectory, '..'), { recursive: true, force: true });
  });

  it('answers /health with 200 {"status":"ok"} without a key', async () => {
    const response = await request(ledger.app.getHttpServer()).get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('serves the OpenAPI page and document without a key', async () => {
    const page = await request(ledger.app.getHttpServer()).get('/docs');
    expect(page.status).toBe(200);
    const document = await request(ledger.app.getHttpServer()).get('/docs-json');
    expect(document.status).toBe(200);
    expect(Object.keys(document.body.paths)).toEqual(expect.arrayContaining(['/v1/stoppages', '/v1/stoppages/{stoppageId}/advances']));
  });

  it('generates keys into a file readable by its owner only, and accepts them', async () => {
    expect(ledger.generatedKeysFile).toBe(join(dataDirectory, GENERATED_KEYS_FILE));
    expect(statSync(ledger.generatedKeysFile!).mode & 0o777).toBe(0o600);
    const clerkLine = readFileSync(ledger.generatedKeysFile!, 'utf8').split('\n').find((line) => line.includes(':clerk:'))!;
    const clerkKey = clerkLine.split(':')[0];
    const rules = await request(ledger.app.getHttpServer()).get('/v1/rules').set('Authorization', `Bearer ${clerkKey}`);
    expect(rules.status).toBe(200);
  });

  it('generates one key per role and none holding several roles (issue 21)', () => {
    const entries = readFileSync(ledger.generatedKeysFile!, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'))
      .map((line) => line.split(':'));
    expect(entries.map(([, roles]) => roles).sort()).toEqual(['auditor', 'clerk', 'supervisor']);
    expect(new Set(entries.map(([key]) => key)).size).toBe(3);
  });

  it('keeps its data directory 0700 and its SQLite files, key and secret files 0600 (issue 21)', () => {
    expect(statSync(dataDirectory).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(dataDirectory)) {
      expect([name, statSync(join(dataDirectory, name)).mode & 0o777]).toEqual([name, 0o600]);
    }
    expect(readdirSync(dataDirectory)).toEqual(expect.arrayContaining(['ledger.sqlite', GENERATED_KEYS_FILE, 'policyholder-id.secret']));
  });

  it('serves nothing else without a valid key (401 problem+json)', async () => {
    const missing = await request(ledger.app.getHttpServer()).get('/v1/rules');
    expect(missing.status).toBe(401);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/u);
    const unknown = await request(ledger.app.getHttpServer()).get('/v1/rules').set('Authorization', 'Bearer not-a-key-of-this-ledger');
    expect(unknown.status).toBe(401);
  });

  it('sets security headers', async () => {
    const response = await request(ledger.app.getHttpServer()).get('/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it.each([
    ['a route', 'get', '/health'],
    ['an unknown path', 'get', '/no/such/path'],
    ['a refused key', 'get', '/v1/reports/backlog'],
    ['a refused media type', 'post', '/v1/stoppages'],
  ] as const)("sets every header helmet's defaults set on a real response, on %s", async (_label, method, path) => {
    const expected = helmetHeadersOnARealResponse();
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(10);
    const response = await request(ledger.app.getHttpServer())[method](path).set('content-type', 'text/plain').send(method === 'post' ? 'x' : undefined);
    for (const [name, value] of Object.entries(expected)) expect([name, response.headers[name]]).toEqual([name, value]);
  });
});

/** What helmet (defaults) sets on a real node:http response, the reference the ledger's answers are compared with. */
function helmetHeadersOnARealResponse(): Record<string, string> {
  const incoming = new IncomingMessage(new Socket());
  const response = new ServerResponse(incoming);
  helmet()(incoming, response, () => undefined);
  return Object.fromEntries(Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]));
}
