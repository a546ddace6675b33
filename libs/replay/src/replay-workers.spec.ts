import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ij/event-store';
import { policyholderStream } from '@ij/ledger';
import { Projector, SqliteReadModelStore } from '@ij/projections';
import { runReplay } from './run-replay';
import { SqlitePolicyholderSource } from './sqlite/sqlite-policyholder-source';
import { populationEvents } from './test-support/histories';

/**
 * Real worker threads, each on its own read-only connection to a SQLite file, run the compiled worker
 * (test/global-setup.js builds dist/ first): the result is the same with 1, 2 or 4 workers as in-process.
 */
const WORKER_FILE = join(__dirname, '..', '..', '..', 'dist', 'libs', 'replay', 'src', 'workers', 'replay-worker.js');
const request = { currentVersion: '2026.2', replayedVersion: '2026.1', through: '2025-06-30' };

describe('a replay on worker threads', () => {
  let directory: string;
  let file: string;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'ij-replay-workers-'));
    file = join(directory, 'ledger.sqlite');
    const events = await SqliteEventStore.open({ connection: file });
    let counter = 0;
    for (const { policyholderId, events: history } of populationEvents(203)) {
      await events.append(
        policyholderStream(policyholderId),
        history.map((event) => ({
          id: `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
          type: event.type,
          data: event.data,
          metadata: { actor: 'test', correlationId: 'c', causationId: 'c', recordedAt: '2025-12-01T12:00:00.000Z', schemaVersion: 1 },
        })),
        { expectedRevision: 'no_stream' },
      );
    }
    await new Projector(events, new SqliteReadModelStore(events.database)).catchUp();
    await events.close();
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('gives the same result whatever the number of workers', async () => {
    expect(existsSync(WORKER_FILE)).toBe(true);
    const source = SqlitePolicyholderSource.openReadOnly(file);
    try {
      const { workers: _none, ...inProcess } = await runReplay(request, { source, workers: 0 });
      expect(inProcess.processed).toBe(203);
      expect(inProcess.affected).toBeGreaterThan(0);
      for (const workers of [1, 2, 4]) {
        const result = await runReplay(request, { source, workers, workerSource: { kind: 'sqlite', file }, workerFile: WORKER_FILE, pageSize: 17 });
        const { workers: used, ...figures } = result;
        expect(used).toBe(workers);
        expect(figures).toEqual(inProcess);
      }
    } finally {
      await source.close();
    }
  });
});
