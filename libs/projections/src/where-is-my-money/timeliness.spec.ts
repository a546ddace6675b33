import type { PolicyholderEvent } from '@ij/ledger';
import { events } from '../../../ledger/src/test-support/events';
import { ACCIDENT_SALARIES } from '../../../ledger/src/test-support/fixtures';
import { currentRules } from '../../../ledger/src/test-support/rules';
import { parsePaymentSchedule } from './payment-schedule';
import { timelinessReport } from './timeliness';
import { documentOf, modelsOf } from './where-is-my-money.fixtures';

/**
 * Every figure of the timeliness report, worked out by hand from five small histories. The window is June
 * 2025; the report is made on 15 August 2025 (asOf), runs planned on the 5th and 20th.
 *
 * A  sickness 2–30 June, certificate, account. Carence 2–4 June; payable 5–30 June (26 days).
 *    Regularized through 15 June on 16 June (its payment left that day), through 30 June on 10 July.
 *    Delays: 5→16 June 11 days, 6→10, 7→9, 8→8, 9→7, 10→6, 11→5, 12→4, 13→3, 14→2, 15→1;
 *            16 June→10 July 24 days, 17→23, … 30 June→10 days.
 *    Sorted: 1 2 3 4 5 6 7 8 9 10 10 11 11 12 13 … 24 (26 values).
 *    p50 = value of rank ⌈0.5×26⌉ = 13 → 11; p90 = rank ⌈0.9×26⌉ = 24 → 22 (rank k ≥ 14 holds k − 2); max 24.
 * B  occupational accident 2–21 June (accident 30 May), no certificate: 20 payable days (no carence), all waiting;
 *    the longest wait is 2 June → 15 August = 74 days. Nothing paid 74 days after it started: MISSING_SALARY_CERTIFICATE.
 * C  sickness 1–31 July, no certificate: outside the window (neither its days nor its unpaid stoppage count).
 * D  sickness 2–30 June, certificate, no bank account: 26 payable days waiting; unpaid 74 days: NO_BANK_ACCOUNT.
 * E  sickness 2–30 June, no certificate, an advance of 300 € left on 20 June: 26 payable days waiting
 *    (no regularization settled them), but money left for it: not in the unpaid list.
 */
const ASOF = '2025-08-15';
const context = { rules: currentRules(), today: ASOF, schedule: parsePaymentSchedule('5,20'), ranThroughToday: false };

function sickness(id: string, startDate = '2025-06-02', endDate = '2025-06-30'): PolicyholderEvent {
  return events.stoppageOpened({ stoppageId: `stoppage-${id}`, policyholderId: `policyholder-${id}`, startDate, endDate });
}
const certificate = (id: string, salaries?: typeof ACCIDENT_SALARIES) => events.salaryCertificateRecorded({ stoppageId: `stoppage-${id}`, ...(salaries ? { salaries } : {}) });
const account = (id: string) => events.bankAccountRecorded({ policyholderId: `policyholder-${id}` });
function paidThrough(id: string, through: string, on: string, cents: number, n: number): PolicyholderEvent[] {
  const regularizationId = `regularization-${id}-${n}`;
  return [
    events.stoppageRegularized({ stoppageId: `stoppage-${id}`, regularizationId, through, regularizedOn: on, entitlementCents: cents, deltaCents: cents, outcome: 'PAID', paymentCents: cents }),
    events.paymentOrdered({ paymentId: `payment-${id}-${n}`, stoppageId: `stoppage-${id}`, regularizationId, grossCents: cents, orderedOn: on }),
  ];
}

const documents = [
  // 5–15 June: 11 days × 32.87 € = 361.57 €; 16–30 June: 15 days × 32.87 € = 493.05 €.
  documentOf('policyholder-A', [sickness('A'), certificate('A'), account('A'), ...paidThrough('A', '2025-06-15', '2025-06-16', 36_157, 1), ...paidThrough('A', '2025-06-30', '2025-07-10', 49_305, 2)]),
  documentOf('policyholder-B', [events.stoppageOpened({ stoppageId: 'stoppage-B', policyholderId: 'policyholder-B', kind: 'OCCUPATIONAL_ACCIDENT', startDate: '2025-06-02', endDate: '2025-06-21', accidentDate: '2025-05-30' }), account('B')]),
  documentOf('policyholder-C', [sickness('C', '2025-07-01', '2025-07-31'), account('C')]),
  documentOf('policyholder-D', [sickness('D'), certificate('D')]),
  documentOf('policyholder-E', [sickness('E'), account('E'), events.advanceIssued({ stoppageId: 'stoppage-E', issuedOn: '2025-06-20' })]),
];

describe('the timeliness report', () => {
  let report: Awaited<ReturnType<typeof timelinessReport>>;
  beforeAll(async () => {
    report = await timelinessReport(modelsOf(documents), context, '2025-06-01', '2025-06-30');
  });

  it('counts the payable days of the window: 26 (A) + 20 (B) + 26 (D) + 26 (E) = 98', () => {
    expect(report).toMatchObject({ from: '2025-06-01', to: '2025-06-30', asOf: ASOF, payableDays: 98 });
  });

  it('gives p50, p90 and max of the days whose money left (A only): 11, 22, 24 over 26 days', () => {
    expect(report.delays).toEqual({ days: 26, p50: 11, p90: 22, max: 24 });
  });

  it('by kind: all the paid days are sickness; no occupational day was paid', () => {
    expect(report.byKind.find((row) => row.kind === 'SICKNESS')).toEqual({ kind: 'SICKNESS', days: 26, p50: 11, p90: 22, max: 24 });
    expect(report.byKind.find((row) => row.kind === 'OCCUPATIONAL_ACCIDENT')).toEqual({ kind: 'OCCUPATIONAL_ACCIDENT', days: 0, p50: null, p90: null, max: null });
  });

  it('counts the days still waiting, 20 (B) + 26 (D) + 26 (E) = 72, the longest 74 days (B, 2 June)', () => {
    expect(report.waiting).toEqual({ days: 72, longestDays: 74 });
  });

  it('distributes the paid delays: 0–7 → 1…7 (7 days), 8–14 → 8 9 10 10 11 11 12 13 14 (9), 15–30 → 15…24 (10)', () => {
    expect(report.distribution).toEqual([
      { bucket: '0-7', days: 7 }, { bucket: '8-14', days: 9 }, { bucket: '15-30', days: 10 },
      { bucket: '31-60', days: 0 }, { bucket: '61-90', days: 0 }, { bucket: '>90', days: 0 },
    ]);
  });

  it('gives the weekly trend by the Monday of the payable day', () => {
    // Week of 2 June: A 5–8 June → 11 10 9 8 (p50 rank 2 → 9, p90 rank 4 → 11); waiting B 2–8 (7) + D 5–8 (4) + E 5–8 (4) = 15.
    // Week of 9 June: A → 7…1 (p50 rank 4 → 4, p90 rank 7 → 7); waiting 7 + 7 + 7 = 21.
    // Week of 16 June: A → 24…18 (p50 21, p90 24); waiting B 16–21 (6) + 7 + 7 = 20.
    // Week of 23 June: A → 17…11 (p50 14, p90 17); waiting 0 + 7 + 7 = 14.
    // Week of 30 June: A → 10; waiting D and E 30 June = 2.
    expect(report.byWeek).toEqual([
      { weekOf: '2025-06-02', days: 4, p50: 9, p90: 11, max: 11, waitingDays: 15 },
      { weekOf: '2025-06-09', days: 7, p50: 4, p90: 7, max: 7, waitingDays: 21 },
      { weekOf: '2025-06-16', days: 7, p50: 21, p90: 24, max: 24, waitingDays: 20 },
      { weekOf: '2025-06-23', days: 7, p50: 14, p90: 17, max: 17, waitingDays: 14 },
      { weekOf: '2025-06-30', days: 1, p50: 10, p90: 10, max: 10, waitingDays: 2 },
    ]);
  });

  it('lists who has had nothing paid 30 days or more after the start, by reason: B (employer), D (policyholder)', () => {
    expect(report.unpaidAfter30Days).toEqual({
      stoppages: 2,
      policyholders: 2,
      byReason: [
        { reason: 'MISSING_SALARY_CERTIFICATE', waitingFor: 'EMPLOYER', stoppages: 1, policyholders: 1 },
        { reason: 'NO_BANK_ACCOUNT', waitingFor: 'POLICYHOLDER', stoppages: 1, policyholders: 1 },
      ],
      rows: [
        { policyholderId: 'policyholder-B', stoppageId: 'stoppage-B', kind: 'OCCUPATIONAL_ACCIDENT', startDate: '2025-06-02', daysSinceStart: 74, reason: 'MISSING_SALARY_CERTIFICATE', waitingFor: 'EMPLOYER', since: '2025-06-02' },
        { policyholderId: 'policyholder-D', stoppageId: 'stoppage-D', kind: 'SICKNESS', startDate: '2025-06-02', daysSinceStart: 74, reason: 'NO_BANK_ACCOUNT', waitingFor: 'POLICYHOLDER', since: '2025-06-02' },
      ],
    });
  });
});
