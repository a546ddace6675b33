import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ij/event-store';
import type { PolicyholderEvent } from '@ij/ledger';
import { Projector } from '../projector';
import { appendToPolicyholder } from '../test-support/stores';
import { SqliteReadModelStore } from './sqlite-read-model-store';

/** Two policyholders whose events interleave in the log, as concurrent commands leave them. */
const opened = (policyholderId: string, stoppageId: string, startDate: string): PolicyholderEvent =>
  ({ type: 'StoppageOpened', data: { stoppageId, policyholderId, kind: 'SICKNESS', startDate, endDate: '2025-06-30', openedOn: startDate } }) as PolicyholderEvent;
const advanced = (stoppageId: string, advanceId: string, amountCents: number): PolicyholderEvent =>
  ({ type: 'AdvanceIssued', data: { stoppageId, advanceId, amountCents, reason: 'certificate pending', issuedOn: '2025-06-12' } }) as PolicyholderEvent;

async function writeHistory(store: SqliteEventStore): Promise<void> {
  await appendToPolicyholder(store, 'b-holder', [opened('b-holder', 'stoppage-b1', '2025-06-02')]);
  await appendToPolicyholder(store, 'a-holder', [opened('a-holder', 'stoppage-a1', '2025-06-10')]);
  await appendToPolicyholder(store, 'b-holder', [advanced('stoppage-b1', 'advance-b1', 10_000)]);
  await appendToPolicyholder(store, 'a-holder', [advanced('stoppage-a1', 'advance-a1', 20_000), advanced('stoppage-a1', 'advance-a2', 5_000)]);
  await appendToPolicyholder(store, 'b-holder', [opened('b-holder', 'stoppage-b2', '2025-06-20')]);
}

describe('sqlite rebuild', () => {
  const directory = mkdtempSync(join(tmpdir(), 'ij-rebuild-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('gives the incrementally built models, whether it scans on a second connection (file) or on its own (memory)', async () => {
    const inFile = await SqliteEventStore.open({ connection: join(directory, 'ledger.sqlite') });
    const inMemory = await SqliteEventStore.open({ connection: ':memory:' });
    try {
      const dumps = [];
      for (const store of [inFile, inMemory]) {
        await writeHistory(store);
        const models = new SqliteReadModelStore(store.database);
        const projector = new Projector(store, models);
        await projector.catchUp();
        const incremental = await models.dump();
        const result = await models.rebuild();
        expect(result).toMatchObject({ checkpoint: await store.headPosition(), eventsFolded: 6, policyholders: 2, stoppages: 3 });
        expect(await models.dump()).toEqual(incremental);
        dumps.push(incremental);
      }
      expect(dumps[1]).toEqual(dumps[0]);
      expect(dumps[0].policyholders.map((row) => row.policyholderId)).toEqual(['a-holder', 'b-holder']);
    } finally {
      await inFile.close();
      await inMemory.close();
    }
  });
});
