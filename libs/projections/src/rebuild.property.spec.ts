import fc from 'fast-check';
import { decide, foldEvents, isDomainError, paymentTotals, policyholderStream, upcast, type PolicyholderCommand, type PolicyholderEvent } from '@ij/ledger';
import { CURRENT_RULES_VERSION, getRulesVersion } from '@ij/rules';
import { LocalDate } from '@js-joda/core';
import { Projector } from './projector';
import { appendToPolicyholder, openTestStores, type StoreKind } from './test-support/stores';

/**
 * Rebuilt read models equal the incrementally built ones, row for row: random command sequences go through
 * the real decide() and the real projector (small pages, caught up at random moments), then a rebuild
 * starts from the log alone and must produce the very same rows and checkpoint.
 */
const rules = getRulesVersion(CURRENT_RULES_VERSION)!;
const TODAY = '2025-12-01';
const POLICYHOLDERS = 3;
const STOPPAGES = 4;

const stoppageId = (index: number) => `stoppage-${index}`;
const policyholderOf = (index: number) => `policyholder-${index % POLICYHOLDERS}`;
const day = (offset: number) => LocalDate.parse('2025-03-03').plusDays(offset).toString();

type Step = { stoppage: number; open: Step['command']; command: (state: ReturnType<typeof foldEvents>) => PolicyholderCommand | undefined; catchUp: boolean };

const openArbitrary = fc.record({ start: fc.integer({ min: 0, max: 200 }), length: fc.integer({ min: 1, max: 45 }), accident: fc.boolean() }).map(
      ({ start, length, accident }) => (state: ReturnType<typeof foldEvents>, id = '') => {
        void state;
        return {
          type: 'OpenStoppage' as const, stoppageId: id, policyholderId: '', kind: accident ? ('OCCUPATIONAL_ACCIDENT' as const) : ('SICKNESS' as const),
          startDate: day(start), endDate: day(start + length - 1), ...(accident ? { accidentDate: day(start - 1) } : {}),
        };
      },
    ) as fc.Arbitrary<Step['command']>;

/** A command on a stoppage not opened yet opens it: most steps then act on an existing stoppage. */
const stepArbitrary: fc.Arbitrary<Step> = fc.record({
  stoppage: fc.integer({ min: 0, max: STOPPAGES - 1 }),
  catchUp: fc.boolean(),
  open: openArbitrary,
  command: fc.oneof(
    { arbitrary: openArbitrary, weight: 1 },
    fc.integer({ min: 1, max: 30 }).map((extra) => (state: ReturnType<typeof foldEvents>, id = '') => {
      const stoppage = state.stoppages.get(id);
      return stoppage && { type: 'ExtendStoppage' as const, stoppageId: id, newEndDate: LocalDate.parse(stoppage.endDate).plusDays(extra).toString() };
    }),
    fc.integer({ min: 0, max: 20 }).map((offset) => (state: ReturnType<typeof foldEvents>, id = '') => {
      const stoppage = state.stoppages.get(id);
      return stoppage && { type: 'EndStoppageEarly' as const, stoppageId: id, lastDay: LocalDate.parse(stoppage.startDate).plusDays(offset).toString() };
    }),
    weighted(3, fc.constant((state: ReturnType<typeof foldEvents>, id = '') => {
      const stoppage = state.stoppages.get(id);
      if (!stoppage) return undefined;
      const months = rules.requiredSalaryMonths(stoppage.kind, stoppage.startDate);
      return { type: 'RecordSalaryCertificate' as const, stoppageId: id, salaries: months.map((month) => ({ month, grossCents: 210_000 })) };
    })),
    weighted(3, fc.integer({ min: 1, max: 40 }).map((hundreds) => (_state: ReturnType<typeof foldEvents>, id = '') => ({
      type: 'IssueAdvance' as const, stoppageId: id, advanceId: `advance-${id}-${hundreds}`, amountCents: hundreds * 1_000, reason: 'pending',
    }))),
    weighted(3, fc.integer({ min: 0, max: 60 }).map((offset) => (state: ReturnType<typeof foldEvents>, id = '') => {
      const stoppage = state.stoppages.get(id);
      return stoppage && { type: 'Regularize' as const, stoppageId: id, regularizationId: `regularization-${id}-${offset}`, through: LocalDate.parse(stoppage.startDate).plusDays(offset).toString() };
    })),
    // At most the outstanding overpayment, when there is one, so that recoveries are recorded.
    weighted(3, fc.integer({ min: 1, max: 300 }).map((hundreds) => (state: ReturnType<typeof foldEvents>, id = '') => {
      const stoppage = state.stoppages.get(id);
      const outstanding = stoppage ? paymentTotals(stoppage).overpaymentOutstanding.toCents() : 0;
      const requested = hundreds * 100;
      return { type: 'RecordRecovery' as const, stoppageId: id, recoveryId: `recovery-${id}-${hundreds}`, amountCents: outstanding > 0 && outstanding < requested ? outstanding : requested };
    })),
    // Late facts, rarely (an annulled stoppage refuses most later commands, which would starve the others):
    // a requalification (sickness ↔ occupational accident) or an annulment.
    fc.integer({ min: 0, max: 5 }).map((draw) => (state: ReturnType<typeof foldEvents>, id = ''): PolicyholderCommand | undefined => {
      const stoppage = state.stoppages.get(id);
      if (!stoppage || draw > 2) return undefined;
      if (draw === 0) return { type: 'AnnulStoppage', stoppageId: id, reason: 'entered in error' };
      const toAccident = stoppage.kind === 'SICKNESS';
      return { type: 'RequalifyStoppage', stoppageId: id, kind: toAccident ? 'OCCUPATIONAL_ACCIDENT' : 'SICKNESS', ...(toAccident ? { accidentDate: stoppage.startDate } : {}), recognizedOn: TODAY };
    }),
  ) as fc.Arbitrary<Step['command']>,
});

describe.each(['sqlite', 'postgres'] as StoreKind[])('rebuilding the read models on %s', (kind) => {
  it('gives the same rows as the incremental build, whatever the commands', async () => {
    const appended = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(stepArbitrary, { minLength: 1, maxLength: 50 }), fc.integer({ min: 1, max: 7 }), async (steps, batchSize) => {
        const stores = await openTestStores(kind);
        const projector = new Projector(stores.events, stores.models, { batchSize });
        try {
          let idSuffix = 0;
          for (const step of [...OVERPAID_AND_RECOVERED, ...steps]) {
            const id = stoppageId(step.stoppage);
            const policyholderId = policyholderOf(step.stoppage);
            const history = await stores.events.readStream(policyholderStream(policyholderId));
            const state = foldEvents(history.map((event) => upcast(event.type, event.metadata.schemaVersion, event.data) as PolicyholderEvent));
            const chosen = state.stoppages.has(id) ? step.command : step.open;
            const drafted = (chosen as (s: typeof state, i: string) => PolicyholderCommand | undefined)(state, id);
            if (!drafted) continue;
            const command = uniqueIds({ ...drafted, ...(drafted.type === 'OpenStoppage' ? { policyholderId } : {}) } as PolicyholderCommand, ++idSuffix);
            let events: PolicyholderEvent[];
            try {
              events = decide(command, state, { rules, today: TODAY });
            } catch (error) {
              if (isDomainError(error)) continue;
              throw error;
            }
            if (events.length > 0) await appendToPolicyholder(stores.events, policyholderId, events);
            for (const event of events) appended.set(event.type, (appended.get(event.type) ?? 0) + 1);
            if (step.catchUp) await projector.catchUp();
          }
          await projector.catchUp();
          const incremental = await stores.models.dump();
          const rebuilt = await stores.models.rebuild();
          expect(rebuilt.checkpoint).toBe(incremental.checkpoint);
          expect(await stores.models.dump()).toEqual(incremental);
        } finally {
          await projector.stop();
          await stores.close();
        }
      }),
      { numRuns: kind === 'sqlite' ? 40 : 30 },
    );
    // The generated commands are mostly accepted, so the histories are rich: every event type the
    // generator's commands record occurs (an OverpaymentOffset only when a seed happens to produce one).
    expect([...appended.keys()].sort()).toEqual(expect.arrayContaining(
      ['AdvanceIssued', 'PaymentOrdered', 'RecoveryRecorded', 'SalaryCertificateRecorded', 'StoppageEndedEarly', 'StoppageExtended', 'StoppageOpened', 'StoppageRegularized'],
    ));
  }, 120_000);
});

/** Every history starts with an overpayment assessed then partly recovered (too rare to leave to chance). */
const OVERPAID_AND_RECOVERED: Step[] = [
  (_state: ReturnType<typeof foldEvents>, id = ''): PolicyholderCommand => ({ type: 'OpenStoppage', stoppageId: id, policyholderId: '', kind: 'SICKNESS', startDate: '2025-06-02', endDate: '2025-06-30' }),
  (state: ReturnType<typeof foldEvents>, id = ''): PolicyholderCommand => ({
    type: 'RecordSalaryCertificate', stoppageId: id, salaries: rules.requiredSalaryMonths('SICKNESS', state.stoppages.get(id)!.startDate).map((month) => ({ month, grossCents: 210_000 })),
  }),
  (_state: ReturnType<typeof foldEvents>, id = ''): PolicyholderCommand => ({ type: 'IssueAdvance', stoppageId: id, advanceId: 'advance-fixed', amountCents: 40_000, reason: 'estimate' }),
  (_state: ReturnType<typeof foldEvents>, id = ''): PolicyholderCommand => ({ type: 'Regularize', stoppageId: id, regularizationId: 'regularization-fixed', through: '2025-06-08' }),
  (_state: ReturnType<typeof foldEvents>, id = ''): PolicyholderCommand => ({ type: 'RecordRecovery', stoppageId: id, recoveryId: 'recovery-fixed', amountCents: 1_000 }),
].map((command) => ({ stoppage: STOPPAGES - 1, open: command, command, catchUp: false }) as Step);

function weighted<T>(weight: number, arbitrary: fc.Arbitrary<T>) {
  return { arbitrary, weight };
}

/** Advance, regularization and recovery ids must be unique within a stream. */
function uniqueIds(command: PolicyholderCommand, suffix: number): PolicyholderCommand {
  switch (command.type) {
    case 'IssueAdvance':
      return { ...command, advanceId: `${command.advanceId}-${suffix}` };
    case 'Regularize':
      return { ...command, regularizationId: `${command.regularizationId}-${suffix}` };
    case 'RecordRecovery':
      return { ...command, recoveryId: `${command.recoveryId}-${suffix}` };
    default:
      return command;
  }
}
