import { RecoveryExceedsOverpayment } from '../errors/payment-errors';
import { StoppageNotFound } from '../errors/stoppage-errors';
import { commands } from '../test-support/commands';
import { events } from '../test-support/events';
import { OTHER_STOPPAGE_ID } from '../test-support/fixtures';
import { given } from '../test-support/given';
import { histories } from '../test-support/histories';

/** histories.overpaidStoppage: 1 000 € advanced, 854.62 € due, 145.38 € assessed. */
const ASSESSED_CENTS = 14_538;

describe('recording a recovery', () => {
  it('records part of an assessed overpayment, even on a closed stoppage', () =>
    given(...histories.overpaidStoppage())
      .when(commands.recordRecovery({ amountCents: 10_000 }))
      .then([events.recoveryRecorded({ amountCents: 10_000 })]));

  it('records the whole outstanding overpayment', () =>
    given(...histories.overpaidStoppage())
      .when(commands.recordRecovery({ amountCents: ASSESSED_CENTS }))
      .then([events.recoveryRecorded({ amountCents: ASSESSED_CENTS })]));

  it('refuses more than is outstanding', () =>
    given(...histories.overpaidStoppage())
      .when(commands.recordRecovery({ amountCents: ASSESSED_CENTS + 1 }))
      .thenFails(RecoveryExceedsOverpayment, { amountCents: ASSESSED_CENTS + 1, overpaymentOutstandingCents: ASSESSED_CENTS }));

  it('counts what was already recovered', () =>
    given(...histories.overpaidStoppage(), events.recoveryRecorded({ amountCents: 10_000 }))
      .when(commands.recordRecovery({ recoveryId: 'recovery-0002', amountCents: 4_539 }))
      .thenFails(RecoveryExceedsOverpayment, { overpaymentOutstandingCents: 4_538 }));

  it('refuses a recovery where no overpayment was assessed', () =>
    given(...histories.certifiedStoppage(), events.advanceIssued({ amountCents: 100_000 }))
      .when(commands.recordRecovery({ amountCents: 1 }))
      .thenFails(RecoveryExceedsOverpayment, { overpaymentOutstandingCents: 0 }));

  it('refuses an unknown stoppage', () =>
    given(...histories.overpaidStoppage())
      .when(commands.recordRecovery({ stoppageId: OTHER_STOPPAGE_ID }))
      .thenFails(StoppageNotFound));
});
