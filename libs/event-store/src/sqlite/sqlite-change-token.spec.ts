import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventToAppend } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

const anEvent = (id: string): EventToAppend => ({
  id,
  type: 'AdvanceIssued',
  data: { stoppageId: 's-1', amountCents: 100 },
  metadata: { actor: 'clerk-1', correlationId: 'c', causationId: 'c', recordedAt: '2025-06-10T08:00:00.000Z', schemaVersion: 1 },
});

describe('SqliteEventStore.changeToken', () => {
  let directory: string;
  let file: string;
  let store: SqliteEventStore;

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'ij-change-token-'));
    file = join(directory, 'ledger.sqlite');
    store = await SqliteEventStore.open({ connection: file });
  });
  afterEach(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('stays the same while the file is only read', async () => {
    await store.append('policyholder-1', [anEvent('00000000-0000-4000-8000-000000000001')], { expectedRevision: 'no_stream' });
    const token = store.changeToken();
    await store.readStream('policyholder-1');
    await store.readAll();
    await store.headPosition();
    expect(store.changeToken()).toBe(token);
  });

  it('changes with an append of this process, and with rows written on its connection beside the events', async () => {
    const empty = store.changeToken();
    await store.append('policyholder-1', [anEvent('00000000-0000-4000-8000-000000000001')], { expectedRevision: 'no_stream' });
    const appended = store.changeToken();
    expect(appended).not.toBe(empty);
    store.database.exec('CREATE TABLE read_model (id TEXT PRIMARY KEY, value INTEGER)');
    const created = store.changeToken();
    expect(created).not.toBe(appended);
    store.database.prepare('INSERT INTO read_model VALUES (?, ?)').run('p-1', 1);
    expect(store.changeToken()).not.toBe(created);
  });

  it('changes when another connection, here another store on the same file, commits', async () => {
    const other = await SqliteEventStore.open({ connection: file });
    try {
      const before = store.changeToken();
      await other.append('policyholder-2', [anEvent('00000000-0000-4000-8000-000000000002')], { expectedRevision: 'no_stream' });
      expect(store.changeToken()).not.toBe(before);
    } finally {
      await other.close();
    }
  });
});
