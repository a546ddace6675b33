import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type RecordedEvent } from '@ij/event-store';
import { foldEvents, stoppageAccount, upcast, type PolicyholderEvent } from '@ij/ledger';
import { getRulesVersion, type RulesVersion } from '@ij/rules';
import { ARPEGE, planPolicyholder, seedPopulation, type SeedSummary } from '.';

const DEFECTIVE = getRulesVersion('2026.1') as RulesVersion;
const policyholderIds = { fromNir: (nir: string) => createHmac('sha256', 'seed-test-secret').update(nir, 'utf8').digest('base64url').slice(0, 26) };

/** The seed's late facts (api.md "Late facts"): present in realistic proportions, and every one settled by the end. */
describe('late facts in the seeded population', () => {
  let directory: string;
  let store: SqliteEventStore;
  let summary: SeedSummary;
  let streams: Map<string, PolicyholderEvent[]>;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'ij-seed-late-'));
    store = await SqliteEventStore.open({ connection: join(directory, 'ledger.sqlite') });
    summary = await seedPopulation({ store, policyholderIds, policyholders: 600, seed: 3, scenario: 'arpege', windowSize: 64 });
    streams = new Map();
    for (const event of (await store.readAll()) as RecordedEvent[]) {
      if (!event.streamId.startsWith('policyholder-')) continue;
      streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), upcast(event.type, event.metadata.schemaVersion, event.data) as PolicyholderEvent]);
    }
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const eventsOf = (type: PolicyholderEvent['type']) => [...streams.values()].flat().filter((event) => event.type === type);

  it('has each kind of late fact, rarer than the stoppages settled on time', () => {
    expect(summary.requalifications).toBe(eventsOf('StoppageRequalified').length);
    expect(summary.annulments).toBe(eventsOf('StoppageAnnulled').length);
    expect(summary.requalifications).toBeGreaterThan(0);
    expect(summary.annulments).toBeGreaterThan(0);
    expect(summary.requalifications + summary.annulments).toBeLessThan(0.05 * summary.stoppages);
  });

  it('has corrected certificates and early ends reported after the stoppage was settled through its end', () => {
    let corrected = 0;
    let earlyEndsAfterClosing = 0;
    for (const history of streams.values()) {
      const certificates = new Map<string, number>();
      history.forEach((event, position) => {
        if (event.type === 'SalaryCertificateRecorded') certificates.set(event.data.stoppageId, (certificates.get(event.data.stoppageId) ?? 0) + 1);
        if (event.type === 'StoppageEndedEarly' && foldEvents(history.slice(0, position)).stoppages.get(event.data.stoppageId)?.status === 'closed') earlyEndsAfterClosing += 1;
      });
      corrected += [...certificates.values()].filter((count) => count > 1).length;
    }
    expect(corrected).toBeGreaterThan(0);
    expect(earlyEndsAfterClosing).toBeGreaterThan(0);
  });

  it('settles every late fact: what was annulled is recovered, nothing is left owed either way', () => {
    for (const history of streams.values()) {
      const state = foldEvents(history);
      for (const event of history) {
        if (event.type !== 'StoppageRequalified' && event.type !== 'StoppageAnnulled') continue;
        const account = stoppageAccount(state, event.data.stoppageId, DEFECTIVE, ARPEGE.today);
        expect(account).toMatchObject({ balanceCents: 0, overpaymentOutstandingCents: 0 });
        if (event.type === 'StoppageAnnulled') expect(account.paidCents).toBe(0);
        if (event.type === 'StoppageRequalified') expect(state.stoppages.get(event.data.stoppageId)?.kind).toBe('OCCUPATIONAL_DISEASE');
      }
    }
  });

  it('annulments are a supervisor’s', async () => {
    const annulments = ((await store.readAll()) as RecordedEvent[]).filter((event) => event.type === 'StoppageAnnulled');
    expect(annulments.length).toBeGreaterThan(0);
    for (const event of annulments) expect(event.metadata.actor).toBe('arpege-supervisor');
  });

  it('are planned the same way for the same seed', () => {
    const plan = (index: number) => planPolicyholder(index, 3, ARPEGE, DEFECTIVE).actions;
    for (const index of [1, 2, 3, 50, 51]) expect(plan(index)).toEqual(plan(index));
  });
});
