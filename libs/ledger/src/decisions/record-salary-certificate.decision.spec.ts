import { SalaryCertificateMonthsMismatch } from '../errors/payment-errors';
import { StoppageNotFound } from '../errors/stoppage-errors';
import { commands } from '../test-support/commands';
import { events } from '../test-support/events';
import { ACCIDENT_SALARIES, CONTINUATION_ID, OTHER_STOPPAGE_ID, SICKNESS_SALARIES } from '../test-support/fixtures';
import { given } from '../test-support/given';
import { histories } from '../test-support/histories';

const SICKNESS_MONTHS = ['2025-03', '2025-04', '2025-05'];

describe('recording a salary certificate', () => {
  it('records the 3 months before a sickness stoppage (R323-4)', () =>
    given(...histories.openedStoppage())
      .when(commands.recordSalaryCertificate({ salaries: SICKNESS_SALARIES }))
      .then([events.salaryCertificateRecorded({ salaries: SICKNESS_SALARIES })]));

  it('accepts the months in any order', () =>
    given(...histories.openedStoppage())
      .when(commands.recordSalaryCertificate({ salaries: [...SICKNESS_SALARIES].reverse() }))
      .then([events.salaryCertificateRecorded({ salaries: [...SICKNESS_SALARIES].reverse() })]));

  it('records the last month before an occupational accident (R433-1)', () =>
    given(...histories.certifiedAccident())
      .when(commands.recordSalaryCertificate({ salaries: ACCIDENT_SALARIES }))
      .then([events.salaryCertificateRecorded({ salaries: ACCIDENT_SALARIES })]));

  it('asks a prolongation for the months of its chain start (ij-rules §4)', () =>
    given(...histories.prolongedStoppage())
      .when(commands.recordSalaryCertificate({ stoppageId: CONTINUATION_ID, salaries: SICKNESS_SALARIES }))
      .then([events.salaryCertificateRecorded({ stoppageId: CONTINUATION_ID, salaries: SICKNESS_SALARIES })]));

  it('records a corrected certificate on a closed stoppage, so that it can be settled again', () =>
    given(...histories.closedStoppage())
      .when(commands.recordSalaryCertificate())
      .then([events.salaryCertificateRecorded()]));

  it('refuses a certificate missing a month', () =>
    given(...histories.openedStoppage())
      .when(commands.recordSalaryCertificate({ salaries: SICKNESS_SALARIES.slice(1) }))
      .thenFails(SalaryCertificateMonthsMismatch, { expectedMonths: SICKNESS_MONTHS, givenMonths: ['2025-04', '2025-05'] }));

  it('refuses a certificate for other months', () =>
    given(...histories.openedStoppage())
      .when(
        commands.recordSalaryCertificate({
          salaries: ['2025-04', '2025-05', '2025-06'].map((month) => ({ month, grossCents: 200_000 })),
        }),
      )
      .thenFails(SalaryCertificateMonthsMismatch, { givenMonths: ['2025-04', '2025-05', '2025-06'] }));

  it('refuses a month given twice', () =>
    given(...histories.openedStoppage())
      .when(commands.recordSalaryCertificate({ salaries: [...SICKNESS_SALARIES, SICKNESS_SALARIES[0]] }))
      .thenFails(SalaryCertificateMonthsMismatch, { givenMonths: [...SICKNESS_MONTHS, '2025-03'] }));

  it('refuses an unknown stoppage', () =>
    given(...histories.openedStoppage())
      .when(commands.recordSalaryCertificate({ stoppageId: OTHER_STOPPAGE_ID }))
      .thenFails(StoppageNotFound));
});
