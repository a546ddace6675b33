import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyChain } from '../hash-chain';
import { SqliteEventStore } from './sqlite-event-store';

interface Acknowledged {
  streamId: string;
  command: string;
  ids: string[];
  nextRevision: number;
}

const crashWriter = join(__dirname, '../../test-support/crash-writer.js');

/** Runs the crash writer, kills it with SIGKILL `afterMs` after it started writing, returns what it acknowledged. */
function runAndKill(databasePath: string, afterMs: number): Promise<Acknowledged[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [crashWriter, databasePath, '16'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acknowledged: Acknowledged[] = [];
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (buffered + chunk.toString()).split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), afterMs);
        else if (line) acknowledged.push(JSON.parse(line));
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acknowledged);
      else reject(new Error(`crash writer exited on its own: ${stderr}`));
    });
  });
}

// Proves durability and atomicity at once: after SIGKILL in the middle of group-committed batches,
// every append the child acknowledged is stored, each append is whole, and every chain verifies.
describe('sqlite event store killed with SIGKILL while appending', () => {
  const directory = mkdtempSync(join(tmpdir(), 'ij-crash-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it.each([1, 2, 3])('keeps every acknowledged append and only whole transactions (run %i)', async (run) => {
    const databasePath = join(directory, `crash-${run}.db`);
    const acknowledged = await runAndKill(databasePath, 150 + Math.floor(Math.random() * 350));
    const store = await SqliteEventStore.open({ connection: databasePath });
    try {
      const log = await store.readAll();
      const storedIds = new Set(log.map((event) => event.id));
      const eventsPerCommand = new Map<string, number>();
      for (const event of log) eventsPerCommand.set(event.metadata.correlationId, (eventsPerCommand.get(event.metadata.correlationId) ?? 0) + 1);

      expect(acknowledged.length).toBeGreaterThan(0);
      expect(acknowledged.flatMap((append) => append.ids).filter((id) => !storedIds.has(id))).toEqual([]);
      expect([...eventsPerCommand.values()].filter((count) => count !== 3)).toEqual([]);
      for (const streamId of new Set(log.map((event) => event.streamId))) {
        expect(verifyChain(await store.readStream(streamId))).toEqual({ ok: true });
      }
      expect(store.database.pragma('synchronous', { simple: true })).toBe(2); // FULL
    } finally {
      await store.close();
    }
  });
});
