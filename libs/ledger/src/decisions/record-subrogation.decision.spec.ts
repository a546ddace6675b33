import { EmployerBankAccountUnknown, SubrogationOutsideStoppage, SubrogationsOverlap } from '../errors/payee-errors';
import { StoppageClosed, StoppageNotFound } from '../errors/stoppage-errors';
import { commands } from '../test-support/commands';
import { events } from '../test-support/events';
import { EMPLOYER_ACCOUNT, OTHER_STOPPAGE_ID } from '../test-support/fixtures';
import { given } from '../test-support/given';
import { histories } from '../test-support/histories';

describe('recording a subrogation', () => {
  it("records the employer's days and account", () =>
    given(...histories.certifiedStoppage())
      .when(commands.recordSubrogation({ fromDate: '2025-06-05', toDate: '2025-06-14' }))
      .then([events.subrogationRecorded({ fromDate: '2025-06-05', toDate: '2025-06-14', employerAccount: EMPLOYER_ACCOUNT })]));

  it("reuses the account of the employer's earlier subrogation when none is given", () =>
    given(...histories.certifiedStoppage(), events.subrogationRecorded({ fromDate: '2025-06-05', toDate: '2025-06-14' }))
      .when(commands.recordSubrogation({ subrogationId: 'subrogation-0002', fromDate: '2025-06-20', toDate: '2025-06-30', employerAccount: undefined }))
      .then([events.subrogationRecorded({ subrogationId: 'subrogation-0002', fromDate: '2025-06-20', toDate: '2025-06-30', employerAccount: EMPLOYER_ACCOUNT })]));

  it('refuses an employer whose account was never given', () =>
    given(...histories.certifiedStoppage())
      .when(commands.recordSubrogation({ employerAccount: undefined }))
      .thenFails(EmployerBankAccountUnknown, { employerId: 'employer-0001' }));

  it('refuses days outside the stoppage', () =>
    given(...histories.certifiedStoppage())
      .when(commands.recordSubrogation({ fromDate: '2025-05-30', toDate: '2025-06-14' }))
      .thenFails(SubrogationOutsideStoppage, { startDate: '2025-06-02', endDate: '2025-06-30' }));

  it('refuses days already subrogated: a day has one payee', () =>
    given(...histories.certifiedStoppage(), events.subrogationRecorded({ fromDate: '2025-06-05', toDate: '2025-06-14' }))
      .when(commands.recordSubrogation({ subrogationId: 'subrogation-0002', fromDate: '2025-06-14', toDate: '2025-06-20' }))
      .thenFails(SubrogationsOverlap, { overlappedSubrogationId: 'subrogation-0001' }));

  it('refuses a closed stoppage and an unknown one', () => {
    given(...histories.closedStoppage()).when(commands.recordSubrogation()).thenFails(StoppageClosed);
    given(...histories.certifiedStoppage()).when(commands.recordSubrogation({ stoppageId: OTHER_STOPPAGE_ID })).thenFails(StoppageNotFound);
  });
});
