import { events } from '../../../ledger/src/test-support/events';
import { currentRules } from '../../../ledger/src/test-support/rules';
import { lateEvents } from '../../../ledger/src/test-support/late-facts';
import type { PolicyholderDocument } from '../model/policyholder-document';
import { missingCertificatesCsv, missingCertificatesReport } from './missing-certificates';
import { documentOf, modelsOf } from './where-is-my-money.fixtures';

/**
 * Stoppages waiting for their salary certificate, per employer, as of 15 August 2025 with olderThan=15:
 * - P1 sickness from 2 June (74 days), employer 73282932000074: listed;
 * - P2 sickness from 5 August (10 days), same employer: too recent, left out;
 * - P3 sickness from 1 July (45 days), certificate recorded: not waiting;
 * - P4 sickness from 1 July (45 days), employer unknown: listed apart, last;
 * - P5 sickness from 16 June (60 days), employer 35600000000048: listed;
 * - P6 sickness from 2 June (74 days), employer 73282932000074, annulled: owes nothing, left out;
 * - P7 sickness from 9 June (67 days), no SIRET at opening, subrogated to 35600000000048: that employer's.
 */
const ASOF = '2025-08-15';
const SIRET_A = '73282932000074';
const SIRET_B = '35600000000048';

function sickness(id: string, startDate: string, endDate: string, employerId?: string, certified = false): PolicyholderDocument {
  const stoppageId = `stoppage-${id}`;
  return documentOf(`policyholder-${id}`, [
    events.stoppageOpened({ stoppageId, policyholderId: `policyholder-${id}`, startDate, endDate, ...(employerId === undefined ? {} : { employerId }) }),
    ...(certified ? [events.salaryCertificateRecorded({ stoppageId, salaries: [{ month: '2025-04', grossCents: 200_000 }, { month: '2025-05', grossCents: 200_000 }, { month: '2025-06', grossCents: 200_000 }] })] : []),
  ]);
}

const documents = [
  sickness('P1', '2025-06-02', '2025-06-30', SIRET_A),
  sickness('P2', '2025-08-05', '2025-08-31', SIRET_A),
  sickness('P3', '2025-07-01', '2025-07-31', SIRET_A, true),
  sickness('P4', '2025-07-01', '2025-07-31'),
  sickness('P5', '2025-06-16', '2025-07-15', SIRET_B),
  annulled(sickness('P6', '2025-06-02', '2025-06-30', SIRET_A)),
  documentOf('policyholder-P7', [
    events.stoppageOpened({ stoppageId: 'stoppage-P7', policyholderId: 'policyholder-P7', startDate: '2025-06-09', endDate: '2025-06-30' }),
    events.subrogationRecorded({ stoppageId: 'stoppage-P7', employerId: SIRET_B, fromDate: '2025-06-12', toDate: '2025-06-30' }),
  ]),
];

function annulled(document: PolicyholderDocument): PolicyholderDocument {
  const record = lateEvents.stoppageAnnulled({ stoppageId: document.stoppages[0].stoppageId, annulledOn: '2025-07-01' }).data;
  return { ...document, stoppages: document.stoppages.map((stoppage) => ({ ...stoppage, annulled: record })) };
}

describe('the missing salary certificates report', () => {
  it('groups the waiting stoppages by employer, the longest wait first, those without a known employer last', async () => {
    const report = await missingCertificatesReport(modelsOf(documents), currentRules(), ASOF, 15);
    expect(report.totals).toEqual({ employers: 2, stoppages: 4 });
    expect(report.employers.map((employer) => [employer.employerId, employer.oldestWaitingDays, employer.stoppages.map((row) => row.stoppageId)])).toEqual([
      [SIRET_A, 74, ['stoppage-P1']],
      [SIRET_B, 67, ['stoppage-P7', 'stoppage-P5']],
      [null, 45, ['stoppage-P4']],
    ]);
    // A sickness stoppage needs the three calendar months before it (R323-4): March to May for 2 June.
    expect(report.employers[0].stoppages[0]).toEqual({
      employerId: SIRET_A, policyholderId: 'policyholder-P1', stoppageId: 'stoppage-P1', kind: 'SICKNESS',
      startDate: '2025-06-02', endDate: '2025-06-30', missingMonths: ['2025-03', '2025-04', '2025-05'], waitingDays: 74,
    });
  });

  it('olderThan=0 lists the recent one too', async () => {
    const report = await missingCertificatesReport(modelsOf(documents), currentRules(), ASOF, 0);
    expect(report.employers[0].stoppages.map((row) => [row.stoppageId, row.waitingDays])).toEqual([['stoppage-P1', 74], ['stoppage-P2', 10]]);
  });

  it('writes one CSV line per stoppage', async () => {
    const csv = missingCertificatesCsv(await missingCertificatesReport(modelsOf(documents), currentRules(), ASOF, 15));
    expect(csv.split('\r\n')).toEqual([
      'employerId,policyholderId,stoppageId,kind,startDate,endDate,missingMonths,waitingDays',
      `${SIRET_A},policyholder-P1,stoppage-P1,SICKNESS,2025-06-02,2025-06-30,2025-03 2025-04 2025-05,74`,
      `${SIRET_B},policyholder-P7,stoppage-P7,SICKNESS,2025-06-09,2025-06-30,2025-03 2025-04 2025-05,67`,
      `${SIRET_B},policyholder-P5,stoppage-P5,SICKNESS,2025-06-16,2025-07-15,2025-03 2025-04 2025-05,60`,
      ',policyholder-P4,stoppage-P4,SICKNESS,2025-07-01,2025-07-31,2025-04 2025-05 2025-06,45',
      '',
    ]);
  });
});
