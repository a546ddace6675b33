import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ij/event-store';
import type { PolicyholderEvent } from '@ij/ledger';
import { Projector } from '../projector';
import { appendToPolicyholder } from '../test-support/stores';
import { SqliteReadModelStore } from './sqlite-read-model-store';

const opened = (policyholderId: string, stoppageId: string): PolicyholderEvent =>
  ({ type: 'StoppageOpened', data: { stoppageId, policyholderId, kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-30', openedOn: '2025-06-10' } }) as PolicyholderEvent;

/**
 * The read models share the ledger's connection. Their batches commit at synchronous=NORMAL (they are derived,
 * WAL keeps them atomic); the events must stay at FULL before and after every batch, or an acknowledged
 * command could be lost to a power cut.
 */
describe('sqlite read models on the ledger connection', () => {
  const directory = mkdtempSync(join(tmpdir(), 'ij-read-models-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('commits its batches at NORMAL and leaves the connection at FULL for the events', async () => {
    const store = await SqliteEventStore.open({ connection: join(directory, 'ledger.sqlite') });
    try {
      const models = new SqliteReadModelStore(store.database);
      const projector = new Projector(store, models);
      const full = store.database.pragma('synchronous', { simple: true });
      expect(full).toBe(2);
      const levelsSet: string[] = [];
      const pragma = store.database.pragma.bind(store.database);
      const spy = jest.spyOn(store.database, 'pragma').mockImplementation(((source: string, options?: { simple?: boolean }) => {
        if (/^synchronous\s*=/u.test(source)) levelsSet.push(source.replace(/\s+/gu, ''));
        return pragma(source, options);
      }) as typeof store.database.pragma);
      await appendToPolicyholder(store, 'holder-1', [opened('holder-1', 'stoppage-1')]);
      await projector.catchUp();
      await appendToPolicyholder(store, 'holder-2', [opened('holder-2', 'stoppage-2')]);
      await projector.catchUp();
      spy.mockRestore();
      expect(levelsSet).toEqual(['synchronous=NORMAL', 'synchronous=2', 'synchronous=NORMAL', 'synchronous=2']);
      expect(store.database.pragma('synchronous', { simple: true })).toBe(2);
      expect((await models.dump()).policyholders.map((row) => row.policyholderId)).toEqual(['holder-1', 'holder-2']);
    } finally {
      await store.close();
    }
  });
});
