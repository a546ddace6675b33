import type {
  AdvanceIssued,
  RecoveryRecorded,
  SalaryCertificateRecorded,
  StoppageEndedEarly,
  StoppageExtended,
  StoppageOpened,
  StoppageRegularized,
} from '../events/policyholder-events';
import type { BankAccountRecorded, OverpaymentOffset, PaymentOrdered, SubrogationRecorded } from '../events/payment-events';
import type { RulesVersionActivated } from '../events/rules-events';
import type { TransferOrdered } from '../events/transfer-events';
import { Money } from '@ij/money';
import { handWorkedWithholdings } from './hand-worked-withholdings';
import type { StoppageIdReserved } from '../events/stoppage-id-events';
import {
  ADVANCE_ID,
  JUNE_END,
  JUNE_ENTITLEMENT_CENTS,
  JUNE_START,
  POLICYHOLDER_ID,
  RECOVERY_ID,
  REGULARIZATION_ID,
  SICKNESS_SALARIES,
  STOPPAGE_ID,
  TODAY,
  OTHER_STOPPAGE_ID,
  EMPLOYER_ID,
  SUBROGATION_ID,
  POLICYHOLDER_ACCOUNT,
  EMPLOYER_ACCOUNT,
} from './fixtures';
import { currentRules } from './rules';

/** Events with every field a test does not care about filled in. */
export const events = {
  stoppageOpened: (data: Partial<StoppageOpened['data']> = {}): StoppageOpened => ({
    type: 'StoppageOpened',
    schemaVersion: 2,
    data: {
      stoppageId: STOPPAGE_ID,
      policyholderId: POLICYHOLDER_ID,
      kind: 'SICKNESS',
      startDate: JUNE_START,
      endDate: JUNE_END,
      openedOn: TODAY,
      ...data,
    },
  }),

  stoppageExtended: (data: Partial<StoppageExtended['data']> = {}): StoppageExtended => ({
    type: 'StoppageExtended',
    schemaVersion: 1,
    data: { stoppageId: STOPPAGE_ID, previousEndDate: JUNE_END, newEndDate: '2025-07-15', extendedOn: TODAY, ...data },
  }),

  stoppageEndedEarly: (data: Partial<StoppageEndedEarly['data']> = {}): StoppageEndedEarly => ({
    type: 'StoppageEndedEarly',
    schemaVersion: 1,
    data: { stoppageId: STOPPAGE_ID, lastDay: '2025-06-10', previousEndDate: JUNE_END, recordedOn: TODAY, ...data },
  }),

  salaryCertificateRecorded: (data: Partial<SalaryCertificateRecorded['data']> = {}): SalaryCertificateRecorded => ({
    type: 'SalaryCertificateRecorded',
    schemaVersion: 1,
    data: { stoppageId: STOPPAGE_ID, salaries: SICKNESS_SALARIES, recordedOn: TODAY, ...data },
  }),

  advanceIssued: (data: Partial<AdvanceIssued['data']> = {}): AdvanceIssued => ({
    type: 'AdvanceIssued',
    schemaVersion: 1,
    data: { stoppageId: STOPPAGE_ID, advanceId: ADVANCE_ID, amountCents: 30_000, reason: 'salary certificate pending', issuedOn: TODAY, ...data },
  }),

  /** A transfer, by default the 300 € advance's: CSG 18.60, CRDS 1.50, net 279.90 (300 × 0.933, by hand). */
  transferOrdered: (data: Partial<TransferOrdered['data']> = {}): TransferOrdered => ({
    type: 'TransferOrdered',
    schemaVersion: 1,
    data: { transferId: `${ADVANCE_ID.replace(/-/gu, '')}A`, source: 'ADVANCE', sourceId: ADVANCE_ID, payee: 'POLICYHOLDER', stoppageId: STOPPAGE_ID, grossCents: 30_000, csgCents: 1_860, crdsCents: 150, netCents: 27_990, orderedOn: TODAY, ...data },
  }),

  /** Amounts default to zero: a test that checks a regularization states the figures it expects. */
  stoppageRegularized: (data: Partial<StoppageRegularized['data']> = {}): StoppageRegularized => ({
    type: 'StoppageRegularized',
    schemaVersion: 2,
    data: {
      stoppageId: STOPPAGE_ID,
      kind: 'SICKNESS',
      regularizationId: REGULARIZATION_ID,
      through: JUNE_END,
      rulesVersion: currentRules().version,
      entitlementCents: 0,
      paidBeforeCents: 0,
      overpaymentOutstandingBeforeCents: 0,
      deltaCents: 0,
      outcome: 'NOTHING_DUE',
      paymentCents: 0,
      overpaymentAssessedCents: 0,
      overpaymentCancelledCents: 0,
      regularizedOn: TODAY,
      ...data,
    },
  }),

  recoveryRecorded: (data: Partial<RecoveryRecorded['data']> = {}): RecoveryRecorded => ({
    type: 'RecoveryRecorded',
    schemaVersion: 1,
    data: { stoppageId: STOPPAGE_ID, recoveryId: RECOVERY_ID, amountCents: 10_000, recordedOn: TODAY, ...data },
  }),

  bankAccountRecorded: (data: Partial<BankAccountRecorded['data']> = {}): BankAccountRecorded => ({
    type: 'BankAccountRecorded',
    schemaVersion: 2,
    data: { policyholderId: POLICYHOLDER_ID, account: POLICYHOLDER_ACCOUNT, recordedOn: TODAY, recordedBy: 'clerk-1', awaitsConfirmation: false, ...data },
  }),

  subrogationRecorded: (data: Partial<SubrogationRecorded['data']> = {}): SubrogationRecorded => ({
    type: 'SubrogationRecorded',
    schemaVersion: 1,
    data: {
      stoppageId: STOPPAGE_ID,
      subrogationId: SUBROGATION_ID,
      employerId: EMPLOYER_ID,
      fromDate: JUNE_START,
      toDate: JUNE_END,
      employerAccount: EMPLOYER_ACCOUNT,
      recordedOn: TODAY,
      ...data,
    },
  }),

  /** The withholdings (CSG, CRDS, net) on the gross less the offset are the hand-worked ones unless the test states them. */
  paymentOrdered: (data: Partial<PaymentOrdered['data']> = {}): PaymentOrdered => {
    const grossCents = data.grossCents ?? JUNE_ENTITLEMENT_CENTS;
    const offsetCents = data.offsetCents ?? 0;
    const transferred = Money.fromCents(grossCents).minus(Money.fromCents(offsetCents));
    const orderedOn = data.orderedOn ?? TODAY;
    return {
      type: 'PaymentOrdered',
      schemaVersion: 1,
      data: {
        paymentId: 'regularization0001H',
        stoppageId: STOPPAGE_ID,
        regularizationId: REGULARIZATION_ID,
        payee: 'POLICYHOLDER',
        grossCents,
        offsetCents,
        transferredGrossCents: transferred.toCents(),
        ...handWorkedWithholdings(transferred.toCents()),
        orderedOn,
        ...data,
      },
    };
  },

  overpaymentOffset: (data: Partial<OverpaymentOffset['data']> = {}): OverpaymentOffset => ({
    type: 'OverpaymentOffset',
    schemaVersion: 1,
    data: {
      offsetId: 'regularization0002HO1',
      overpaymentStoppageId: OTHER_STOPPAGE_ID,
      overpaymentRegularizationId: REGULARIZATION_ID,
      paymentId: 'regularization0002H',
      paymentStoppageId: STOPPAGE_ID,
      amountCents: 10_000,
      offsetOn: TODAY,
      ...data,
    },
  }),

  rulesVersionActivated: (data: Partial<RulesVersionActivated['data']> = {}): RulesVersionActivated => ({
    type: 'RulesVersionActivated',
    schemaVersion: 1,
    data: { version: 'test-version', previousVersion: null, activatedOn: TODAY, ...data },
  }),

  stoppageIdReserved: (data: Partial<StoppageIdReserved['data']> = {}): StoppageIdReserved => ({
    type: 'StoppageIdReserved',
    schemaVersion: 1,
    data: { stoppageId: STOPPAGE_ID, policyholderId: POLICYHOLDER_ID, ...data },
  }),
};
