import { AdvanceExceedsMaximum, NoParametersForDateError } from '../errors/payment-errors';
import { StoppageClosed, StoppageNotFound } from '../errors/stoppage-errors';
import { commands } from '../test-support/commands';
import { events } from '../test-support/events';
import { JUNE_DAYS, OTHER_STOPPAGE_ID, SICKNESS_MAXIMUM_DAILY_CENTS, STOPPAGE_ID } from '../test-support/fixtures';
import { given } from '../test-support/given';
import { histories } from '../test-support/histories';
import { rulesWithoutParameters } from '../test-support/rules';

/** 29 prescribed days at the published maximum of 41.47 € (ij-rules §2): 1 202.63 €. */
const JUNE_MAXIMUM_CENTS = JUNE_DAYS * SICKNESS_MAXIMUM_DAILY_CENTS;

/**
 * An advance and its transfer, net of CSG 6.2 % and CRDS 0.5 % (ij-rules §5), worked out by hand:
 * 300.00 € → CSG 300 × 0.062 = 18.60, net 300 × 0.933 = 279.90, CRDS the rest 1.50;
 * 1 202.63 € → CSG 74.563 06 → 74.56, net 1 122.053 79 → 1 122.05, CRDS 6.02;
 * 1 202.64 € → CSG 74.563 68 → 74.56, net 1 122.063 12 → 1 122.06, CRDS 6.02.
 */
const WITHHELD: Record<number, { csgCents: number; crdsCents: number; netCents: number }> = {
  30_000: { csgCents: 1_860, crdsCents: 150, netCents: 27_990 },
  120_263: { csgCents: 7_456, crdsCents: 602, netCents: 112_205 },
  120_264: { csgCents: 7_456, crdsCents: 602, netCents: 112_206 },
  // 414.70 €: CSG 25.7114 → 25.71, net 386.9151 → 386.92, CRDS 2.07.
  41_470: { csgCents: 2_571, crdsCents: 207, netCents: 38_692 },
};

function advanced(data: Parameters<typeof events.advanceIssued>[0] = {}) {
  const advance = events.advanceIssued(data);
  const { advanceId, amountCents } = advance.data;
  return [advance, events.transferOrdered({ transferId: `${advanceId.replace(/-/gu, '')}A`, sourceId: advanceId, grossCents: amountCents, ...WITHHELD[amountCents] })];
}

describe('issuing an advance', () => {
  it('orders its transfer net of CSG and CRDS in the same append, its id the advance id without dashes', () =>
    given(...histories.openedStoppage())
      .when(commands.issueAdvance({ amountCents: 30_000 }))
      .then([
        events.advanceIssued({ amountCents: 30_000 }),
        {
          type: 'TransferOrdered',
          schemaVersion: 1,
          data: { transferId: 'advance0001A', source: 'ADVANCE', sourceId: 'advance-0001', payee: 'POLICYHOLDER', stoppageId: STOPPAGE_ID, grossCents: 30_000, csgCents: 1_860, crdsCents: 150, netCents: 27_990, orderedOn: '2025-09-30' },
        },
      ]));

  it('records it against an open stoppage, before any salary certificate', () =>
    given(...histories.openedStoppage({ stoppageId: STOPPAGE_ID }))
      .when(commands.issueAdvance({ stoppageId: STOPPAGE_ID, amountCents: 30_000 }))
      .then(advanced({ stoppageId: STOPPAGE_ID, amountCents: 30_000 })));

  it('records its id and reason as given', () =>
    given(...histories.openedStoppage())
      .when(commands.issueAdvance({ advanceId: 'advance-0042', reason: 'urgent hardship' }))
      .then(advanced({ advanceId: 'advance-0042', reason: 'urgent hardship' })));

  it('accepts exactly the published maximum for every prescribed day', () =>
    given(...histories.openedStoppage())
      .when(commands.issueAdvance({ amountCents: JUNE_MAXIMUM_CENTS }))
      .then(advanced({ amountCents: JUNE_MAXIMUM_CENTS })));

  it('refuses one cent more than the maximum', () =>
    given(...histories.openedStoppage())
      .when(commands.issueAdvance({ amountCents: JUNE_MAXIMUM_CENTS + 1 }))
      .thenFails(AdvanceExceedsMaximum, {
        maximumCents: 120_263,
        maximumDailyAllowanceCents: SICKNESS_MAXIMUM_DAILY_CENTS,
        prescribedDays: 29,
        paidCents: 0,
      }));

  it('counts what was already paid against the maximum', () =>
    given(...histories.openedStoppage(), events.advanceIssued({ amountCents: 100_000 }))
      .when(commands.issueAdvance({ advanceId: 'advance-0002', amountCents: JUNE_MAXIMUM_CENTS - 100_000 + 1 }))
      .thenFails(AdvanceExceedsMaximum, { paidCents: 100_000 }));

  it('counts the days prescribed by an extension', () =>
    given(...histories.openedStoppage(), events.stoppageExtended({ newEndDate: '2025-07-01' }))
      .when(commands.issueAdvance({ amountCents: JUNE_MAXIMUM_CENTS + 1 }))
      .then(advanced({ amountCents: JUNE_MAXIMUM_CENTS + 1 })));

  it('stops counting days at an early end', () =>
    given(...histories.openedStoppage(), events.stoppageEndedEarly({ lastDay: '2025-06-10' }))
      .when(commands.issueAdvance({ amountCents: 9 * SICKNESS_MAXIMUM_DAILY_CENTS + 1 }))
      .thenFails(AdvanceExceedsMaximum, { prescribedDays: 9, maximumCents: 37_323 }));

  describe('capped by what could be due through the command date, not through the end date (issue 21)', () => {
    // Opened 06-02 to 06-30; on 06-11, 10 days have elapsed: 10 × 41.47 € = 414.70 €.
    it('accepts the maximum for the 10 days elapsed through 06-11', () =>
      given(...histories.openedStoppage())
        .when(commands.issueAdvance({ amountCents: 41_470 }), { today: '2025-06-11' })
        .then(advanced({ amountCents: 41_470, issuedOn: '2025-06-11' }).map((event) => (event.type === 'TransferOrdered' ? { ...event, data: { ...event.data, orderedOn: '2025-06-11' } } : event))));

    it('refuses one cent more, naming the days counted and the date', () =>
      given(...histories.openedStoppage())
        .when(commands.issueAdvance({ amountCents: 41_471 }), { today: '2025-06-11' })
        .thenFails(AdvanceExceedsMaximum, { prescribedDays: 10, countedThrough: '2025-06-11', maximumCents: 41_470 }));

    it('an end typed years ahead lets no more through: extended to 2028-05-31, on 06-11 still 414.70 €', () =>
      given(...histories.openedStoppage(), events.stoppageExtended({ newEndDate: '2028-05-31' }))
        .when(commands.issueAdvance({ amountCents: 41_471 }), { today: '2025-06-11' })
        .thenFails(AdvanceExceedsMaximum, { prescribedDays: 10, maximumCents: 41_470 }));

    it('refuses any advance before the stoppage has started', () =>
      given(...histories.openedStoppage())
        .when(commands.issueAdvance({ amountCents: 1 }), { today: '2025-06-01' })
        .thenFails(AdvanceExceedsMaximum, { prescribedDays: 0, maximumCents: 0 }));
  });

  it('refuses it when the rules version has no parameter row for the stoppage', () =>
    given(...histories.openedStoppage())
      .when(commands.issueAdvance(), { rules: rulesWithoutParameters() })
      .thenFails(NoParametersForDateError));

  it('refuses it on a closed stoppage', () =>
    given(...histories.closedStoppage({ stoppageId: STOPPAGE_ID }))
      .when(commands.issueAdvance({ stoppageId: STOPPAGE_ID, amountCents: 30_000 }))
      .thenFails(StoppageClosed));

  it('refuses an unknown stoppage', () =>
    given(...histories.openedStoppage())
      .when(commands.issueAdvance({ stoppageId: OTHER_STOPPAGE_ID }))
      .thenFails(StoppageNotFound));

  it('treats an amount that is not positive as a bug that validation missed', () =>
    expect(() => given(...histories.openedStoppage()).when(commands.issueAdvance({ amountCents: 0 })).then([])).toThrow(RangeError));
});
