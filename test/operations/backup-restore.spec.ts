import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import request from 'supertest';
import { SqliteEventStore } from '@ij/event-store';
import { withNirKey } from '@ij/ledger';
import { SqliteReadModelStore } from '@ij/projections';
import { createLedgerApp, type LedgerApp } from '../../apps/ledger-api/src/bootstrap';
import { readLedgerConfig } from '@ij/application';
import { CLI_ENTRY } from '../production/cli-process';
import { startLedgerProcess, type LedgerProcess } from '../support/ledger-process';

/**
 * `ledger backup` taken while a real server executes a stream of concurrent commands, `ledger restore` into
 * an empty directory: the restored ledger verifies clean, holds exactly the source's events up to the backup's
 * position, answers every balance as the source stood at that position, and finds policyholders by NIR (the
 * generated policyholder-id secret travelled with the backup).
 */
const KEY = 'backup-test-key-000000000001';
const KEYS = `${KEY}:clerk+supervisor+auditor:backup-clerk`;
const SALARIES = ['2025-03', '2025-04', '2025-05'].map((month) => ({ month, grossCents: 200_000 }));

function cli(args: string[], environment: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI_ENTRY, ...args], { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...environment }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function post(ledger: LedgerProcess, path: string, key: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${ledger.baseUrl}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${KEY}`, 'Idempotency-Key': key, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** The ledger of a data directory, in this process (no policyholder secret given: the directory's file is used). */
async function openLedger(dataDirectory: string): Promise<{ app: LedgerApp; get(path: string): request.Test; post(path: string, body: object): request.Test }> {
  const app = await createLedgerApp(readLedgerConfig({ LEDGER_DATA_DIR: dataDirectory, LEDGER_API_KEYS: KEYS, LOG_LEVEL: 'silent' }));
  await app.app.init();
  const server = app.app.getHttpServer();
  return {
    app,
    get: (path) => request(server).get(path).set('Authorization', `Bearer ${KEY}`),
    post: (path, body) => request(server).post(path).set('Authorization', `Bearer ${KEY}`).send(body),
  };
}

describe('backup under load and restore (embedded store)', () => {
  const root = mkdtempSync(join(tmpdir(), 'ij-ledger-backup-'));
  const source = join(root, 'source');
  const restored = join(root, 'restored');
  const reference = join(root, 'reference');
  const backupFile = join(root, 'ledger.backup');
  let ledger: LedgerProcess | undefined;

  afterAll(async () => {
    await ledger?.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
  });

  it('restores the source as it stood at the backup position', async () => {
    ledger = await startLedgerProcess({ LEDGER_DATA_DIR: source, LEDGER_API_KEYS: KEYS, LOG_LEVEL: 'warn' });
    const policyholders: Array<{ policyholderId: string; nir: string }> = [];
    const stoppageIds = Array.from({ length: 4 }, () => randomUUID());
    for (const [index, stoppageId] of stoppageIds.entries()) {
      const nir = withNirKey(`1850578099${String(index).padStart(3, '0')}`);
      const opened = await post(ledger, '/v1/stoppages', `open-${stoppageId}`, { stoppageId, nir, kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' });
      expect(opened.status).toBe(201);
      policyholders.push({ policyholderId: (opened.body as { policyholderId: string }).policyholderId, nir });
      expect((await post(ledger, `/v1/stoppages/${stoppageId}/salary-certificate`, `cert-${stoppageId}`, { salaries: SALARIES })).status).toBe(200);
    }

    // a stream of advances and regularizations, 6 at a time, that goes on until the backup is done and a little after
    const commandAt = (index: number) => {
      const stoppageId = stoppageIds[index % stoppageIds.length];
      return index % 5 === 4
        ? { path: `/v1/stoppages/${stoppageId}/regularizations`, key: `reg-${index}`, body: { through: `2025-06-${String(12 + (index % 17)).padStart(2, '0')}` } }
        : { path: `/v1/stoppages/${stoppageId}/advances`, key: `adv-${index}`, body: { amountCents: 500 + index, reason: `load ${index}` } };
    };
    const running = ledger;
    let sent = 0;
    let answered = 0;
    let afterBackup = 0;
    let backupDone = false;
    let backup: Promise<{ code: number | null; stdout: string; stderr: string }> | undefined;
    const worker = async () => {
      while (!backupDone || afterBackup < 12) {
        if (backupDone) afterBackup++;
        const command = commandAt(sent++);
        const answer = await post(running, command.path, command.key, command.body);
        expect([200, 201, 409]).toContain(answer.status);
        if (++answered === 20) {
          backup = cli(['backup', '--out', backupFile], { LEDGER_DATA_DIR: source });
          void backup.then(() => (backupDone = true));
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    const taken = await backup!;
    expect(taken.stderr).toBe('');
    expect(taken.code).toBe(0);
    const manifest = JSON.parse(taken.stdout) as { headPosition: string; files: string[] };
    expect(manifest.files).toEqual(['policyholder-id.secret']);
    const backupPosition = BigInt(manifest.headPosition);
    await running.kill('SIGTERM');

    const sourceStore = await SqliteEventStore.open({ connection: join(source, 'ledger.sqlite') });
    const sourceEvents = await sourceStore.readAll();
    await sourceStore.close();
    // taken under load: after some commands, before the last ones
    expect(backupPosition).toBeGreaterThan(0n);
    expect(backupPosition).toBeLessThan(sourceEvents[sourceEvents.length - 1].position);

    // restore: refused into a directory that is not empty, done into an empty one
    mkdirSync(join(root, 'occupied'));
    writeFileSync(join(root, 'occupied', 'something'), 'x');
    const refused = await cli(['restore', backupFile], { LEDGER_DATA_DIR: join(root, 'occupied') });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/is not empty/u);
    expect(readdirSync(join(root, 'occupied'))).toEqual(['something']);
    const restore = await cli(['restore', backupFile], { LEDGER_DATA_DIR: restored });
    expect(restore.code).toBe(0);
    expect(JSON.parse(restore.stdout)).toEqual(expect.objectContaining({ headPosition: manifest.headPosition, files: ['policyholder-id.secret'] }));
    expect(readFileSync(join(restored, 'policyholder-id.secret'))).toEqual(readFileSync(join(source, 'policyholder-id.secret')));

    // the restored log is the source's, event for event, up to the backup's position
    const restoredStore = await SqliteEventStore.open({ connection: join(restored, 'ledger.sqlite') });
    const restoredEvents = await restoredStore.readAll();
    await restoredStore.close();
    const identity = (event: { position: bigint; id: string; streamId: string; revision: number; metadata: { hash: string } }) => ({ position: event.position, id: event.id, streamId: event.streamId, revision: event.revision, hash: event.metadata.hash });
    expect(restoredEvents.map(identity)).toEqual(sourceEvents.filter((event) => event.position <= backupPosition).map(identity));

    // the reference: the source's final file cut back to the backup's position, read models rebuilt from it
    mkdirSync(reference);
    copyFileSync(join(source, 'ledger.sqlite'), join(reference, 'ledger.sqlite'));
    copyFileSync(join(source, 'policyholder-id.secret'), join(reference, 'policyholder-id.secret'));
    const cut = new BetterSqlite3(join(reference, 'ledger.sqlite'));
    cut.prepare('DELETE FROM events WHERE position > ?').run(backupPosition);
    await new SqliteReadModelStore(cut).rebuild();
    cut.close();

    const back = await openLedger(restored);
    const expected = await openLedger(reference);
    try {
      const audit = await back.get('/v1/audit/verify').expect(200);
      expect(audit.body).toEqual(expect.objectContaining({ ok: true, failures: [] }));
      expect(audit.body.eventsChecked).toBe(restoredEvents.length);
      for (const { policyholderId, nir } of policyholders) {
        const balance = await back.get(`/v1/policyholders/${policyholderId}/balance`).expect(200);
        expect(balance.body).toEqual((await expected.get(`/v1/policyholders/${policyholderId}/balance`).expect(200)).body);
        // the NIR still finds its policyholder: the secret came with the backup
        expect((await back.post('/v1/policyholders/search', { nir }).expect(200)).body).toEqual(expect.objectContaining({ policyholderId }));
      }
      expect(existsSync(join(restored, 'ledger.sqlite.restoring'))).toBe(false);
    } finally {
      await back.app.close();
      await expected.app.close();
    }
  }, 120_000);

  it('refuses a file that is not a backup, and writes nothing', async () => {
    const notABackup = join(root, 'not-a-backup.sqlite');
    new BetterSqlite3(notABackup).exec('CREATE TABLE t (x)').close();
    const target = join(root, 'never');
    const run = await cli(['restore', notABackup], { LEDGER_DATA_DIR: target });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is not a ledger backup/u);
    expect(readdirSync(target)).toEqual([]);
  }, 30_000);
});
