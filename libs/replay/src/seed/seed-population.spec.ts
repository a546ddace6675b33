import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, verifyChain, type EventStore, type RecordedEvent } from '@ij/event-store';
import {
  effectiveEndDate,
  foldEvents,
  isValidNir,
  RULES_STREAM,
  stoppageAccount,
  upcast,
  type PolicyholderEvent,
  type PolicyholderState,
  type StoppageIdReserved,
} from '@ij/ledger';
import { getRulesVersion, type RulesVersion } from '@ij/rules';
import { ARPEGE, planPolicyholder, seedPopulation, type SeedSummary } from '.';

const TODAY = ARPEGE.today;
const DEFECTIVE = getRulesVersion('2026.1') as RulesVersion;
const FIXED = getRulesVersion('2026.2') as RulesVersion;
/** The API derives policyholderIds with an HMAC of the NIR; a fixed secret keeps the test reproducible. */
const policyholderIds = { fromNir: (nir: string) => createHmac('sha256', 'seed-test-secret').update(nir, 'utf8').digest('base64url').slice(0, 26) };

interface Seeded {
  directory: string;
  store: SqliteEventStore;
  summary: SeedSummary;
  events: RecordedEvent[];
}

/** `oneAppendPerStream`: the store seen through the EventStore port only, so the seed takes append, not appendNewStreams. */
async function seedInto(policyholders: number, seed = 1, oneAppendPerStream = false): Promise<Seeded> {
  const directory = mkdtempSync(join(tmpdir(), 'ij-seed-'));
  const store = await SqliteEventStore.open({ connection: join(directory, 'ledger.sqlite') });
  const port: EventStore = oneAppendPerStream
    ? { append: (...args) => store.append(...args), readStream: (...args) => store.readStream(...args), readAll: (...args) => store.readAll(...args), headPosition: () => store.headPosition(), subscribe: (...args) => store.subscribe(...args), close: () => store.close() }
    : store;
  const summary = await seedPopulation({ store: port, policyholderIds, policyholders, seed, scenario: 'arpege', windowSize: 64 });
  return { directory, store, summary, events: await store.readAll() };
}

async function dispose(seeded: Seeded | undefined): Promise<void> {
  if (!seeded) return;
  await seeded.store.close();
  rmSync(seeded.directory, { recursive: true, force: true });
}

/** The pilot's own stoppages start from 2025-01-06; the corrections cohort takes over files started in 2024. */
function takenOverFrom2024(stoppage: { startDate: string }): boolean {
  return stoppage.startDate < '2025-01-01';
}

function byStream(events: RecordedEvent[]): Map<string, RecordedEvent[]> {
  const streams = new Map<string, RecordedEvent[]>();
  for (const event of events) streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event]);
  return streams;
}

function policyholderStates(events: RecordedEvent[]): Map<string, PolicyholderState> {
  const states = new Map<string, PolicyholderState>();
  for (const [streamId, stream] of byStream(events)) {
    if (!streamId.startsWith('policyholder-')) continue;
    states.set(streamId, foldEvents(stream.map((event) => upcast(event.type, event.metadata.schemaVersion, event.data) as PolicyholderEvent)));
  }
  return states;
}

const stored = (event: RecordedEvent) => [event.position, event.streamId, event.revision, event.id, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata)];

describe('seeding the Arpège scenario', () => {
  describe('determinism', () => {
    let first: Seeded | undefined;
    let second: Seeded | undefined;
    afterAll(async () => {
      await dispose(first);
      await dispose(second);
    });

    it('gives the same events, byte for byte and in the same order, for the same seed', async () => {
      first = await seedInto(50);
      second = await seedInto(50);
      expect(first.events.length).toBeGreaterThan(50);
      expect(second.events.map(stored)).toEqual(first.events.map(stored));
    });

    it('writes on SQLite, in one transaction a window, the very events the same seed appends one stream at a time', async () => {
      const appended = await seedInto(50, 1, true);
      try {
        first ??= await seedInto(50);
        expect(appended.events.map(stored)).toEqual(first.events.map(stored));
      } finally {
        await dispose(appended);
      }
    });

    it('gives another population for another seed', () => {
      const one = planPolicyholder(3, 1, ARPEGE, DEFECTIVE);
      const other = planPolicyholder(3, 2, ARPEGE, DEFECTIVE);
      expect(other.nir).not.toBe(one.nir);
    });
  });

  it('gives every policyholder a valid NIR of their own', () => {
    const nirs = Array.from({ length: 2_000 }, (_, index) => planPolicyholder(index, 7, ARPEGE, DEFECTIVE).nir);
    expect(nirs.every((nir) => isValidNir(nir))).toBe(true);
    expect(new Set(nirs).size).toBe(nirs.length);
  });

  describe('the end state of 400 policyholders', () => {
    let seeded: Seeded;
    let states: Map<string, PolicyholderState>;
    beforeAll(async () => {
      seeded = await seedInto(400, 11);
      states = policyholderStates(seeded.events);
    });
    afterAll(() => dispose(seeded));

    const stoppages = () => [...states.values()].flatMap((state) => [...state.stoppages.values()].map((stoppage) => ({ state, stoppage })));

    it('starts with the activation of the defective release 2026.1 on the rules stream', () => {
      expect(seeded.events[0]).toMatchObject({ streamId: RULES_STREAM, type: 'RulesVersionActivated', data: { version: '2026.1', previousVersion: null } });
    });

    it('summarises what it appended', () => {
      const { summary } = seeded;
      expect(summary).toMatchObject({ policyholders: 400, events: seeded.events.length, stoppages: stoppages().length });
      expect(Object.values(summary.byKind).reduce((sum, count) => sum + count, 0)).toBe(summary.stoppages);
      expect(Object.values(summary.byKind).every((count) => count > 0)).toBe(true);
      expect(summary.straddling).toBeGreaterThanOrEqual(0.1 * 400);
      expect(summary.prolongations).toBeGreaterThan(0);
      expect(summary.extensions).toBeGreaterThan(0);
      expect(summary.earlyEnds).toBeGreaterThan(0);
      expect(summary.recoveries).toBeGreaterThan(0);
    });

    it('keeps every hash chain intact', () => {
      for (const stream of byStream(seeded.events).values()) expect(verifyChain(stream)).toEqual({ ok: true });
    });

    it('reserves every stoppage id for the policyholder whose stream opens it', () => {
      const reservations = seeded.events.filter((event) => event.type === 'StoppageIdReserved').map((event) => (event as unknown as StoppageIdReserved).data);
      expect(reservations).toHaveLength(stoppages().length);
      for (const { stoppageId, policyholderId } of reservations) {
        expect(states.get(`policyholder-${policyholderId}`)?.stoppages.has(stoppageId)).toBe(true);
      }
    });

    it('records every event with a business date and a rules version no later than the scenario\'s today', () => {
      for (const event of seeded.events) {
        expect(event.metadata.recordedAt.slice(0, 10) <= TODAY).toBe(true);
        if (event.type === 'StoppageRegularized') expect(event.metadata.rulesVersion).toBe('2026.1');
      }
    });

    it('has every salary certificate in, and no stoppage ending after today (but the files taken over from 2024)', () => {
      for (const { state, stoppage } of stoppages()) {
        if (takenOverFrom2024(stoppage)) continue;
        expect(effectiveEndDate(stoppage) <= TODAY).toBe(true);
        expect(stoppageAccount(state, stoppage.stoppageId, FIXED, TODAY).entitlement.status).toBe('COMPUTED');
      }
    });

    it('takes over from 2024 long-term illnesses prescribed into 2027 and leaves 2026.2 cannot compute (corrections cohort, rules 2026.3)', () => {
      const takenOver = stoppages().filter(({ stoppage }) => takenOverFrom2024(stoppage));
      const longTermIllnesses = takenOver.filter(({ stoppage }) => stoppage.aldAffectionId !== undefined);
      const leaves = takenOver.filter(({ stoppage }) => stoppage.kind === 'MATERNITY' || stoppage.kind === 'PATERNITY');
      expect(longTermIllnesses.length).toBeGreaterThan(0);
      expect(leaves.length).toBeGreaterThan(0);
      expect(longTermIllnesses.length + leaves.length).toBe(takenOver.length);
      expect(longTermIllnesses.some(({ stoppage }) => stoppage.endDate === '2027-06-30')).toBe(true);
      for (const { state, stoppage } of longTermIllnesses) expect(stoppageAccount(state, stoppage.stoppageId, FIXED, TODAY).balanceCents).toBe(0);
      for (const { state, stoppage } of leaves) {
        expect(stoppageAccount(state, stoppage.stoppageId, FIXED, TODAY).entitlement.status).toBe('NO_PARAMETERS_FOR_DATE');
        expect(stoppage.advances.length).toBe(1);
      }
    });

    it('shows advances paid while the certificate was missing, before the certificate', () => {
      const advancedFirst = [...byStream(seeded.events).values()].filter((stream) => {
        const firstAdvance = stream.findIndex((event) => event.type === 'AdvanceIssued');
        const certificate = stream.findIndex((event) => event.type === 'SalaryCertificateRecorded');
        return firstAdvance >= 0 && certificate > firstAdvance;
      });
      expect(advancedFirst.length).toBeGreaterThan(0.1 * 400);
    });

    it('settles most stoppages under 2026.1 and leaves about 15 % with an advance not regularized', () => {
      const all = stoppages();
      const closed = all.filter(({ stoppage }) => stoppage.status === 'closed');
      expect(closed.length).toBeGreaterThan(0.7 * all.length);
      const share = seeded.summary.advancesNotRegularized / all.length;
      expect(share).toBeGreaterThan(0.05);
      expect(share).toBeLessThan(0.25);
      // Every stoppage is either settled through its last day or waiting on an advance: nothing else in the backlog.
      for (const { state, stoppage } of all) {
        if (takenOverFrom2024(stoppage)) continue;
        const account = stoppageAccount(state, stoppage.stoppageId, DEFECTIVE, TODAY);
        if (stoppage.status === 'closed') expect(account.balanceCents).toBe(0);
        else expect(stoppage.advances.length).toBeGreaterThan(0);
        expect(account.balanceCents).toBeGreaterThanOrEqual(0);
        expect(account.overpaymentOutstandingCents).toBe(0);
      }
    });

    it('leaves at least 5 % of policyholders underpaid by 2026.1, and none overpaid by it', () => {
      let affected = 0;
      for (const state of states.values()) {
        const differences = [...state.stoppages.keys()].map(
          (stoppageId) => stoppageAccount(state, stoppageId, FIXED, TODAY).entitlementCents - stoppageAccount(state, stoppageId, DEFECTIVE, TODAY).entitlementCents,
        );
        expect(differences.every((difference) => difference >= 0)).toBe(true);
        if (differences.some((difference) => difference > 0)) affected += 1;
      }
      expect(affected).toBeGreaterThanOrEqual(0.05 * states.size);
    });
  });
});
