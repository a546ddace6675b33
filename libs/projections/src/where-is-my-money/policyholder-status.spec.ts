import type { PolicyholderEvent } from '@ij/ledger';
import { events } from '../../../ledger/src/test-support/events';
import { lateEvents } from '../../../ledger/src/test-support/late-facts';
import { POLICYHOLDER_ACCOUNT, POLICYHOLDER_ID, STOPPAGE_ID } from '../../../ledger/src/test-support/fixtures';
import { currentRules } from '../../../ledger/src/test-support/rules';
import { NO_PAYMENT_SCHEDULE, parsePaymentSchedule, type PaymentSchedule } from './payment-schedule';
import { policyholderStatus } from './policyholder-status';
import { documentOf } from './where-is-my-money.fixtures';

/**
 * The status a clerk reads on the phone. The stoppage of every case is the fixtures' June 2025 sickness
 * stoppage: 2–30 June (29 days), carence 2–4 June, 26 payable days 5–30 June at 32.87 € = 854.62 €.
 * Today is 10 July 2025; with runs on the 5th and 20th of the month the next one is on 20 July.
 */
const TODAY = '2025-07-10';
const RUNS: PaymentSchedule = parsePaymentSchedule('5,20');
const statusOf = (history: PolicyholderEvent[], schedule = RUNS, extra = {}) =>
  policyholderStatus(documentOf(POLICYHOLDER_ID, history, extra), { rules: currentRules(), today: TODAY, schedule, ranThroughToday: false });
const only = (history: PolicyholderEvent[], schedule = RUNS, extra = {}) => statusOf(history, schedule, extra).stoppages[0];

/** fr-FR amounts use narrow no-break spaces: compared as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/gu, ' ');
const opened = events.stoppageOpened({ startDate: '2025-06-02', endDate: '2025-06-30' });
const certified = events.salaryCertificateRecorded();
const account = events.bankAccountRecorded();

describe("a policyholder's status (where is my money)", () => {
  it('EMPLOYER: the salary certificate is missing, since the start; nothing can be computed, no payment date', () => {
    const status = statusOf([opened, account]);
    expect(status.stoppages[0]).toMatchObject({
      stoppageId: STOPPAGE_ID,
      paidThrough: null,
      pendingCents: 0,
      pendingKnown: false,
      blockedBy: { reason: 'MISSING_SALARY_CERTIFICATE', since: '2025-06-02', waitingFor: 'EMPLOYER', missingMonths: ['2025-03', '2025-04', '2025-05'] },
      message: { code: 'MISSING_SALARY_CERTIFICATE' },
    });
    expect(status.stoppages[0].nextPaymentOn).toBeUndefined();
    expect(status.stoppages[0].message.text).toBe(
      "Nous attendons l'attestation de salaire de votre employeur depuis le 2 juin 2025 (salaires de mars 2025, avril 2025 et mai 2025) : le montant sera calculé et versé dès sa réception.",
    );
    // Nothing left for 2–30 June (it ended before today): 29 days.
    expect(status.daysWithoutIncome).toBe(29);
  });

  it('POLICYHOLDER: computed and due, but no bank account to pay it into', () => {
    // 26 payable days × 32.87 € = 854.62 € due, nothing paid.
    expect(only([opened, certified])).toMatchObject({
      paidThrough: null,
      pendingCents: 85_462,
      pendingKnown: true,
      blockedBy: { reason: 'NO_BANK_ACCOUNT', since: '2025-06-02', waitingFor: 'POLICYHOLDER' },
    });
    expect(plain(only([opened, certified]).message.text)).toContain('854,62 € vous attendent');
  });

  it('FUND: due, an account on record, and no payment run planned', () => {
    expect(only([opened, certified, account], NO_PAYMENT_SCHEDULE)).toMatchObject({
      pendingCents: 85_462,
      blockedBy: { reason: 'REGULARIZATION_NOT_PLANNED', since: '2025-06-02', waitingFor: 'FUND' },
    });
  });

  it('BANK: the bank returned the transfer, and the account stays unusable until a new one is recorded', () => {
    // The regularization through 30 June ordered 854.62 € on 5 July; the run of 5 July exported it; the bank returned it on 8 July.
    const regularized = events.stoppageRegularized({ through: '2025-06-30', regularizedOn: '2025-07-05', entitlementCents: 85_462, deltaCents: 85_462, outcome: 'PAID', paymentCents: 85_462 });
    const transferId = 'regularization0001H';
    const returned = [
      regularized,
      events.transferOrdered({ transferId, source: 'REGULARIZATION', sourceId: regularized.data.regularizationId, grossCents: 85_462, csgCents: 5_299, crdsCents: 427, netCents: 79_736, orderedOn: '2025-07-05' }),
      { type: 'TransferExported', schemaVersion: 1, data: { transferId, bankFileId: 'run0705', payee: 'POLICYHOLDER', stoppageId: STOPPAGE_ID, netCents: 79_736, creditorAccount: POLICYHOLDER_ACCOUNT, exportedOn: '2025-07-05' } },
      { type: 'TransferReturned', schemaVersion: 1, data: { transferId, bankReportId: 'CAMT-1', returnedOn: '2025-07-08', reasonCode: 'AC04', reasonText: 'closed account', rejected: false } },
    ] as PolicyholderEvent[];
    const status = only([opened, certified, account, ...returned]);
    // The money never reached the policyholder: nothing is paid, the 854.62 € are owed again.
    expect(status).toMatchObject({
      paidThrough: null,
      pendingCents: 85_462,
      blockedBy: { reason: 'TRANSFER_RETURNED', since: '2025-07-08', waitingFor: 'BANK', returnReasonCode: 'AC04' },
    });
    expect(plain(status.message.text)).toBe('Votre banque nous a renvoyé le virement le 8 juillet 2025 (motif AC04 : closed account) : merci de nous transmettre un nouveau RIB. 854,62 € vous attendent.');

    // A new account lifts the hold (the next run orders it again), but it waits for a supervisor's confirmation: the fund must act.
    const changed = events.bankAccountRecorded({ account: { iban: 'FR7630004000031234567890143', holderName: 'Camille Martin' }, recordedOn: '2025-07-09', recordedBy: 'clerk-1', awaitsConfirmation: true });
    expect(only([opened, certified, account, ...returned, changed])).toMatchObject({
      pendingCents: 85_462,
      blockedBy: { reason: 'BANK_ACCOUNT_UNCONFIRMED', since: '2025-07-09', waitingFor: 'FUND' },
    });
    // Confirmed: nothing blocks it; the next run (20 July) orders it again.
    const confirmed = { type: 'BankAccountConfirmed', schemaVersion: 1, data: { policyholderId: POLICYHOLDER_ID, iban: 'FR7630004000031234567890143', confirmedBy: 'supervisor-1', confirmedOn: '2025-07-09' } } as PolicyholderEvent;
    const ready = only([opened, certified, account, ...returned, changed, confirmed]);
    expect(ready).toMatchObject({ pendingCents: 85_462, nextPaymentOn: '2025-07-20', message: { code: 'PAYMENT_PLANNED' } });
    expect(ready.blockedBy).toBeUndefined();
  });

  it('money ordered but not yet in a bank file is pending, and its days are not paid yet', () => {
    // Regularized through 20 June on 21 June: 16 days × 32.87 € = 525.92 € ordered, waiting for the run of 5 July.
    const regularized = events.stoppageRegularized({ through: '2025-06-20', regularizedOn: '2025-07-01', entitlementCents: 52_592, deltaCents: 52_592, outcome: 'PAID', paymentCents: 52_592 });
    const ordered = events.transferOrdered({ transferId: 'regularization0001H', source: 'REGULARIZATION', sourceId: regularized.data.regularizationId, grossCents: 52_592, csgCents: 3_261, crdsCents: 263, netCents: 49_068, orderedOn: '2025-07-01' });
    // 854.62 − 525.92 = 328.70 € still due, plus the 525.92 € ordered = 854.62 € pending; nothing paid yet.
    expect(only([opened, certified, account, regularized, ordered])).toMatchObject({ paidThrough: null, pendingCents: 85_462, nextPaymentOn: '2025-07-20' });
  });

  it('paid through the last regularization whose money left; the rest pending until the next planned run', () => {
    // Regularized through 20 June on 21 June: 5–20 June = 16 days × 32.87 € = 525.92 € paid.
    // Pending through today: 854.62 − 525.92 = 328.70 € (21–30 June, 10 days).
    const history = [
      opened, certified, account,
      events.stoppageRegularized({ through: '2025-06-20', regularizedOn: '2025-06-21', entitlementCents: 52_592, deltaCents: 52_592, outcome: 'PAID', paymentCents: 52_592 }),
      events.paymentOrdered({ grossCents: 52_592, orderedOn: '2025-06-21' }),
    ];
    const status = statusOf(history);
    expect(status.stoppages[0]).toMatchObject({ paidThrough: '2025-06-20', pendingCents: 32_870, nextPaymentOn: '2025-07-20', message: { code: 'PAYMENT_PLANNED' } });
    expect(status.stoppages[0].blockedBy).toBeUndefined();
    expect(plain(status.stoppages[0].message.text)).toBe("Cet arrêt est payé jusqu'au 20 juin 2025. 328,70 € sont en attente et seront versés lors du prochain paiement, le 20 juillet 2025.");
    // 21–30 June not covered: 10 days.
    expect(status.daysWithoutIncome).toBe(10);
  });

  it('an advance that left counts as income up to the day it left', () => {
    // Certificate missing; an advance of 300 € issued on 25 June: 26–30 June still without income, 5 days.
    expect(statusOf([opened, account, events.advanceIssued({ issuedOn: '2025-06-25' })]).daysWithoutIncome).toBe(5);
  });

  it('an annulled stoppage owes nothing: no block, nothing pending, no day without income', () => {
    // Entered in error, annulled on 5 July before any certificate: the employer owes nothing any more.
    const status = statusOf([opened, account, lateEvents.stoppageAnnulled({ annulledOn: '2025-07-05' })]);
    expect(status.stoppages[0]).toMatchObject({ pendingCents: 0, message: { code: 'ANNULLED', text: "Cet arrêt a été annulé le 5 juillet 2025 : aucune indemnité n'est due à ce titre." } });
    expect(status.stoppages[0].blockedBy).toBeUndefined();
    expect(status.stoppages[0].nextPaymentOn).toBeUndefined();
    expect(status.daysWithoutIncome).toBe(0);
  });

  it('a stoppage requalified as an occupational accident needs the month before it: a sickness certificate covers it', () => {
    // Occupational, reference month May (2 000 € ÷ 30.42 = 65.75 €), no carence: 2–30 June is 29 days, days 1–28 at
    // 60 % = 39.45 €, day 29 at 80 % = 52.60 € capped at 79 % of the daily base = 51.94 € (ij-rules §3):
    // 28 × 39.45 + 51.94 = 1 156.54 €, nothing paid.
    const requalified = lateEvents.stoppageRequalified({ accidentDate: '2025-06-01', recognizedOn: '2025-07-01' });
    const status = only([opened, certified, account, requalified]);
    expect(status).toMatchObject({ kind: 'OCCUPATIONAL_ACCIDENT', pendingCents: 115_654, nextPaymentOn: '2025-07-20' });
  });

  it('the next run is a later planned day once a run through today is recorded', () => {
    const history = [opened, certified, account];
    const ranToday = policyholderStatus(documentOf(POLICYHOLDER_ID, history), { rules: currentRules(), today: '2025-07-20', schedule: RUNS, ranThroughToday: true });
    expect(ranToday.stoppages[0].nextPaymentOn).toBe('2025-08-05');
  });
});
