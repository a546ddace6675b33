import { SqliteEventStore } from '@ij/event-store';
import { policyholderStream } from '@ij/ledger';
import { Projector, SqliteReadModelStore } from '@ij/projections';
import { runReplay, SqlitePolicyholderSource } from '@ij/replay';
import type { Actor } from '../auth/api-keys';
import type { CommandContext } from '../infrastructure/command-context';
import { fixedClock } from '../infrastructure/clock';
import { LedgerCommandRunner } from '../infrastructure/ledger-command-runner';
import { PolicyholderLedger } from '../infrastructure/policyholder-ledger';
import { applyReplay } from './apply-replay';

/**
 * `replay --apply` on the real command path (PolicyholderLedger over SQLite): a stoppage settled under the
 * defective 2026.1 is re-settled once 2026.2 is active, and applying the same replay again pays nothing more.
 */
const CLERK: Actor = { actorId: 'clerk-1', roles: ['clerk'] };
const SUPERVISOR: Actor = { actorId: 'supervisor-1', roles: ['supervisor'] };
const REPLAYER: Actor = { actorId: 'ledger-cli', roles: ['supervisor'] };
const THROUGH = '2025-04-10';
const STOPPAGE_ID = '0b6f1c9e-1111-4a2b-9c3d-000000000001';
const POLICYHOLDER_ID = 'policyholder-apply-1';
let keys = 0;
const context = (actor: Actor): CommandContext => ({ actor, idempotencyKey: `key-${++keys}`, requestHash: `hash-${keys}`, correlationId: `c-${keys}`, causationId: `c-${keys}` });

describe('applying a replay', () => {
  let events: SqliteEventStore;
  let projector: Projector;
  let ledger: PolicyholderLedger;
  let source: SqlitePolicyholderSource;

  beforeEach(async () => {
    events = await SqliteEventStore.open({ connection: ':memory:' });
    const models = new SqliteReadModelStore(events.database);
    projector = new Projector(events, models);
    const clock = fixedClock('2025-12-01');
    ledger = new PolicyholderLedger(new LedgerCommandRunner(events, clock, projector), events, clock);
    source = new SqlitePolicyholderSource(events.database);
    await ledger.activate({ type: 'ActivateRulesVersion', version: '2026.1' }, context(SUPERVISOR));
    await ledger.open({ type: 'OpenStoppage', stoppageId: STOPPAGE_ID, policyholderId: POLICYHOLDER_ID, kind: 'SICKNESS', startDate: '2025-03-20', endDate: '2025-04-10' }, context(CLERK));
    await ledger.decideOnStoppage(
      { type: 'RecordSalaryCertificate', stoppageId: STOPPAGE_ID, salaries: ['2024-12', '2025-01', '2025-02'].map((month) => ({ month, grossCents: 400_000 })) },
      context(CLERK),
    );
    // Settled under the defective version: 9 × 53.31 € + 10 × 41.47 € = 894.49 €.
    await ledger.decideOnStoppage({ type: 'Regularize', stoppageId: STOPPAGE_ID, regularizationId: 'regularization-1', through: THROUGH }, context(CLERK));
    await ledger.activate({ type: 'ActivateRulesVersion', version: '2026.2' }, context(SUPERVISOR));
  });
  afterEach(async () => {
    await projector.stop();
    await events.close();
  });

  const replay = () => runReplay({ currentVersion: '2026.1', replayedVersion: '2026.2', through: THROUGH }, { source, workers: 0 });
  const regularizations = async () =>
    (await events.readStream(policyholderStream(POLICYHOLDER_ID))).filter((event) => event.type === 'StoppageRegularized').map((event) => event.data as { paymentCents: number; rulesVersion: string });

  it('pays the underpayment once, however many times it is applied', async () => {
    const result = await replay();
    expect(result.rows).toEqual([expect.objectContaining({ stoppageId: STOPPAGE_ID, currentCents: 89_449, replayedCents: 101_289, paidCents: 89_449, deltaCents: 11_840, settlementCents: 11_840 })]);

    const first = await applyReplay(ledger, { replayId: 'replay-1', through: THROUGH }, result.rows, REPLAYER);
    expect(first).toMatchObject({ regularized: 1, paidCents: 11_840, byOutcome: { PAID: 1 }, refused: [] });
    const again = await applyReplay(ledger, { replayId: 'replay-1', through: THROUGH }, result.rows, REPLAYER);
    expect(again).toMatchObject({ regularized: 1, paidCents: 11_840 });

    expect(await regularizations()).toEqual([
      expect.objectContaining({ rulesVersion: '2026.1', paymentCents: 89_449 }),
      expect.objectContaining({ rulesVersion: '2026.2', paymentCents: 11_840 }),
    ]);
    const after = await runReplay({ currentVersion: '2026.2', replayedVersion: '2026.2', through: THROUGH }, { source, workers: 0 });
    expect(after.rows).toEqual([]);
  });

  it('resumed under another replay id after a crash, finds nothing left to settle', async () => {
    const result = await replay();
    await applyReplay(ledger, { replayId: 'replay-1', through: THROUGH }, result.rows, REPLAYER);
    // A replay started afresh after the apply sees the stoppage settled: a second id cannot pay twice either.
    const fresh = await replay();
    expect(fresh.rows).toEqual([expect.objectContaining({ deltaCents: 11_840, settlementCents: 0 })]);
    expect(await applyReplay(ledger, { replayId: 'replay-2', through: THROUGH }, fresh.rows, REPLAYER)).toMatchObject({ regularized: 0 });
    expect(await regularizations()).toHaveLength(2);
  });

  it('reports the regularizations the ledger refuses and goes on', async () => {
    const result = await replay();
    const report = await applyReplay(ledger, { replayId: 'replay-3', through: '2026-01-31' }, [{ ...result.rows[0] }], REPLAYER);
    expect(report).toMatchObject({ regularized: 0, refused: [expect.objectContaining({ stoppageId: STOPPAGE_ID, code: 'regularization-in-future' })] });
  });
});
