import type { PolicyholderEvent } from '@ij/ledger';
import { Projector } from './projector';
import { appendToPolicyholder, openTestStores, type StoreKind, type TestStores } from './test-support/stores';

const POLICYHOLDER = 'policyholder-a';
const OTHER_POLICYHOLDER = 'policyholder-b';
const STOPPAGE = 'stoppage-1';
const SALARIES = ['2025-03', '2025-04', '2025-05'].map((month) => ({ month, grossCents: 200_000 }));

const opened = (stoppageId = STOPPAGE, policyholderId = POLICYHOLDER): PolicyholderEvent => ({
  type: 'StoppageOpened',
  schemaVersion: 2,
  data: { stoppageId, policyholderId, kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29', openedOn: '2025-06-10' },
});
const advance = (amountCents: number, advanceId: string, stoppageId = STOPPAGE): PolicyholderEvent => ({
  type: 'AdvanceIssued',
  schemaVersion: 1,
  data: { stoppageId, advanceId, amountCents, reason: 'certificate pending', issuedOn: '2025-06-15' },
});
const certificate = (stoppageId = STOPPAGE): PolicyholderEvent => ({
  type: 'SalaryCertificateRecorded',
  schemaVersion: 1,
  data: { stoppageId, salaries: SALARIES, recordedOn: '2025-06-20' },
});

describe.each(['sqlite', 'postgres'] as StoreKind[])('the projector on %s', (kind) => {
  let stores: TestStores;
  let projector: Projector;

  beforeEach(async () => {
    stores = await openTestStores(kind);
    projector = new Projector(stores.events, stores.models, { batchSize: 2, pollIntervalMs: 10 });
  });
  afterEach(async () => {
    await projector.stop();
    await stores.close();
  });

  it('folds the policyholder streams into the models and moves the checkpoint to the last event', async () => {
    await appendToPolicyholder(stores.events, POLICYHOLDER, [opened(), advance(30_000, 'advance-1'), certificate()]);
    const last = await appendToPolicyholder(stores.events, OTHER_POLICYHOLDER, [opened('stoppage-2', OTHER_POLICYHOLDER)]);
    await projector.waitFor(last);
    expect(await stores.models.checkpoint()).toBe(last);
    const document = await stores.models.policyholder(POLICYHOLDER);
    expect(document?.stoppages).toEqual([expect.objectContaining({ stoppageId: STOPPAGE, salaries: SALARIES, advances: [expect.objectContaining({ amountCents: 30_000 })] })]);
    expect(await stores.models.stoppage(STOPPAGE)).toMatchObject({
      policyholderId: POLICYHOLDER, kind: 'SICKNESS', status: 'open', hasCertificate: true, advancesCents: 30_000, paidCents: 30_000, lastDay: null,
    });
    expect(await stores.models.stoppage('stoppage-2')).toMatchObject({ policyholderId: OTHER_POLICYHOLDER, hasCertificate: false });
  });

  it('projects in the background what another writer appended', async () => {
    await projector.start();
    const position = await appendToPolicyholder(stores.events, POLICYHOLDER, [opened()]);
    for (let attempt = 0; attempt < 100 && (await stores.models.checkpoint()) < position; attempt++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await stores.models.checkpoint()).toBe(position);
  });

  it('never applies an event twice: a page already applied is skipped', async () => {
    await appendToPolicyholder(stores.events, POLICYHOLDER, [opened(), advance(10_000, 'advance-1')]);
    const page = await stores.events.readAll({ fromPosition: 0n });
    await stores.models.applyBatch(0n, page);
    const before = await stores.models.dump();
    expect(await stores.models.applyBatch(0n, page)).toBe(before.checkpoint);
    expect(await stores.models.dump()).toEqual(before);
    expect((await stores.models.stoppage(STOPPAGE))?.advancesCents).toBe(10_000);
  });

  it('never skips one: a page read after a position the models have not reached is refused', async () => {
    await appendToPolicyholder(stores.events, POLICYHOLDER, [opened(), advance(10_000, 'advance-1')]);
    const [first, second] = await stores.events.readAll({ fromPosition: 0n });
    expect(await stores.models.applyBatch(first.position, [second])).toBe(0n);
    expect(await stores.models.policyholder(POLICYHOLDER)).toBeUndefined();
  });

  // Crash safety: the models and the checkpoint commit together, so a failure in the middle of a batch
  // leaves both where they were, and the projector resumes at the failing event, not after it.
  it('leaves models and checkpoint untouched when a batch fails half-way', async () => {
    const good = await appendToPolicyholder(stores.events, POLICYHOLDER, [opened(), advance(10_000, 'advance-1')]);
    await projector.waitFor(good);
    const before = await stores.models.dump();
    await appendToPolicyholder(stores.events, OTHER_POLICYHOLDER, [opened('stoppage-2', OTHER_POLICYHOLDER)]);
    await appendToPolicyholder(stores.events, POLICYHOLDER, [advance(20_000, 'advance-2')]);
    const unreadable = await appendToPolicyholder(stores.events, POLICYHOLDER, [advance(5_000, 'advance-3')], 99);
    const wide = new Projector(stores.events, stores.models, { batchSize: 100 });
    await expect(wide.waitFor(unreadable)).rejects.toThrow(/schema version 99/u);
    expect(await stores.models.dump()).toEqual(before);
  });

  it('waits for a position only as long as it takes to project it (read-your-writes)', async () => {
    await projector.start();
    const positions = await Promise.all([
      appendToPolicyholder(stores.events, POLICYHOLDER, [opened(), certificate()]),
      appendToPolicyholder(stores.events, OTHER_POLICYHOLDER, [opened('stoppage-2', OTHER_POLICYHOLDER)]),
    ]);
    await Promise.all(positions.map((position) => projector.waitFor(position)));
    expect(await stores.models.stoppage(STOPPAGE)).toMatchObject({ hasCertificate: true });
    expect(await stores.models.stoppage('stoppage-2')).toBeDefined();
  });

  it('pages through the policyholders in id order', async () => {
    for (const id of ['c', 'a', 'b']) await appendToPolicyholder(stores.events, id, [opened(`stoppage-${id}`, id)]);
    await projector.catchUp();
    expect((await stores.models.policyholders(null, 2)).map((document) => document.policyholderId)).toEqual(['a', 'b']);
    expect((await stores.models.policyholders('b', 2)).map((document) => document.policyholderId)).toEqual(['c']);
  });
});
