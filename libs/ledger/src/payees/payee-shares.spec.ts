import type { PolicyholderEvent } from '../events/policyholder-events';
import type { DayLine } from '@ij/rules';
import { foldEvents } from '../state/evolve';
import { events } from '../test-support/events';
import { EMPLOYER_ACCOUNT, STOPPAGE_ID, SICKNESS_DAILY_IJ_CENTS } from '../test-support/fixtures';
import { employerShares, grossPaidTo } from './payee-shares';

/** June 2025, 2 to 11: 3 days of carence (2–4 June), then 7 paid days of 32.87 € (R323-1, R323-4). */
const days: DayLine[] = ['02', '03', '04', '05', '06', '07', '08', '09', '10', '11'].map((day, index) =>
  index < 3
    ? { date: `2025-06-${day}`, paid: false, amountCents: 0, reason: 'CARENCE' }
    : { date: `2025-06-${day}`, paid: true, amountCents: SICKNESS_DAILY_IJ_CENTS, reason: 'PAID' },
);
const OTHER_ACCOUNT = { iban: 'FR7630004000031234567890143', holderName: 'Ateliers Durand (new account)' };

const stoppageAfter = (...history: PolicyholderEvent[]) =>
  foldEvents([events.stoppageOpened({ startDate: '2025-06-02', endDate: '2025-06-11' }), ...history]).stoppages.get(STOPPAGE_ID)!;

describe("a subrogated employer's share of a stoppage (R323-11, R433-12)", () => {
  it('owes no employer anything when nobody is subrogated', () => {
    expect(employerShares(stoppageAfter(), days)).toEqual([]);
  });

  it("is the allowances of the employer's paid days only: 3 to 7 June covers 2 carence days and 3 paid days, 3 × 32.87 = 98.61 €", () => {
    const stoppage = stoppageAfter(events.subrogationRecorded({ fromDate: '2025-06-03', toDate: '2025-06-07' }));
    expect(employerShares(stoppage, days)).toEqual([{ employerId: 'employer-0001', account: EMPLOYER_ACCOUNT, entitlementCents: 9_861, paidCents: 0 }]);
  });

  it('adds up several periods of the same employer, and keeps the account of its latest subrogation', () => {
    const stoppage = stoppageAfter(
      events.subrogationRecorded({ subrogationId: 'subrogation-0001', fromDate: '2025-06-05', toDate: '2025-06-06' }),
      events.subrogationRecorded({ subrogationId: 'subrogation-0002', fromDate: '2025-06-10', toDate: '2025-06-11', employerAccount: OTHER_ACCOUNT }),
    );
    // 5, 6, 10 and 11 June: 4 × 32.87 = 131.48 €
    expect(employerShares(stoppage, days)).toEqual([{ employerId: 'employer-0001', account: OTHER_ACCOUNT, entitlementCents: 13_148, paidCents: 0 }]);
  });

  it('lists employers in the order they were first subrogated, each with what it was already paid', () => {
    const stoppage = stoppageAfter(
      events.subrogationRecorded({ subrogationId: 'subrogation-0001', employerId: 'employer-B', fromDate: '2025-06-08', toDate: '2025-06-11' }),
      events.subrogationRecorded({ subrogationId: 'subrogation-0002', employerId: 'employer-A', fromDate: '2025-06-05', toDate: '2025-06-07' }),
      events.paymentOrdered({ payee: 'EMPLOYER', employerId: 'employer-B', grossCents: 6_574 }),
      events.paymentOrdered({ paymentId: 'regularization0001H', payee: 'POLICYHOLDER', grossCents: 13_148 }),
    );
    // B: 8 to 11 June, 4 × 32.87 = 131.48 €, of which 65.74 € paid; A: 5 to 7 June, 3 × 32.87 = 98.61 €, nothing paid
    expect(employerShares(stoppage, days).map(({ employerId, entitlementCents, paidCents }) => ({ employerId, entitlementCents, paidCents }))).toEqual([
      { employerId: 'employer-B', entitlementCents: 13_148, paidCents: 6_574 },
      { employerId: 'employer-A', entitlementCents: 9_861, paidCents: 0 },
    ]);
  });
});

describe('what a payee was already paid on a stoppage', () => {
  const stoppage = stoppageAfter(
    events.subrogationRecorded({ employerId: 'employer-A' }),
    events.paymentOrdered({ paymentId: 'p1', payee: 'POLICYHOLDER', grossCents: 20_000, offsetCents: 20_000 }),
    events.paymentOrdered({ paymentId: 'p2', payee: 'POLICYHOLDER', grossCents: 6_574 }),
    events.paymentOrdered({ paymentId: 'p3', payee: 'EMPLOYER', employerId: 'employer-A', grossCents: 13_148 }),
    events.paymentOrdered({ paymentId: 'p4', payee: 'EMPLOYER', employerId: 'employer-B', grossCents: 19_722 }),
  );

  it("is the gross of the policyholder's orders, offsets included: 200.00 + 65.74 = 265.74 €", () => {
    expect(grossPaidTo(stoppage, 'POLICYHOLDER').toCents()).toBe(26_574);
  });

  it("is one employer's orders only", () => {
    expect(grossPaidTo(stoppage, 'EMPLOYER', 'employer-A').toCents()).toBe(13_148);
    expect(grossPaidTo(stoppage, 'EMPLOYER', 'employer-C').toCents()).toBe(0);
  });
});
