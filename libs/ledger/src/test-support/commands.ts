import type {
  ActivateRulesVersion,
  EndStoppageEarly,
  ExtendStoppage,
  IssueAdvance,
  OpenStoppage,
  RecordBankAccount,
  RecordRecovery,
  RecordSubrogation,
  RecordSalaryCertificate,
  Regularize,
} from '../commands/commands';
import {
  ADVANCE_ID,
  JUNE_END,
  JUNE_START,
  POLICYHOLDER_ID,
  RECOVERY_ID,
  REGULARIZATION_ID,
  SICKNESS_SALARIES,
  STOPPAGE_ID,
  EMPLOYER_ACCOUNT,
  EMPLOYER_ID,
  POLICYHOLDER_ACCOUNT,
  SUBROGATION_ID,
} from './fixtures';

type Fields<Command> = Partial<Omit<Command, 'type'>>;

/** Commands with every field a test does not care about filled in. */
export const commands = {
  openStoppage: (fields: Fields<OpenStoppage> = {}): OpenStoppage => ({
    type: 'OpenStoppage',
    stoppageId: STOPPAGE_ID,
    policyholderId: POLICYHOLDER_ID,
    kind: 'SICKNESS',
    startDate: JUNE_START,
    endDate: JUNE_END,
    ...fields,
  }),

  extendStoppage: (fields: Fields<ExtendStoppage> = {}): ExtendStoppage => ({
    type: 'ExtendStoppage',
    stoppageId: STOPPAGE_ID,
    newEndDate: '2025-07-15',
    ...fields,
  }),

  endStoppageEarly: (fields: Fields<EndStoppageEarly> = {}): EndStoppageEarly => ({
    type: 'EndStoppageEarly',
    stoppageId: STOPPAGE_ID,
    lastDay: '2025-06-10',
    ...fields,
  }),

  recordSalaryCertificate: (fields: Fields<RecordSalaryCertificate> = {}): RecordSalaryCertificate => ({
    type: 'RecordSalaryCertificate',
    stoppageId: STOPPAGE_ID,
    salaries: SICKNESS_SALARIES,
    ...fields,
  }),

  issueAdvance: (fields: Fields<IssueAdvance> = {}): IssueAdvance => ({
    type: 'IssueAdvance',
    stoppageId: STOPPAGE_ID,
    advanceId: ADVANCE_ID,
    amountCents: 30_000,
    reason: 'salary certificate pending',
    ...fields,
  }),

  regularize: (fields: Fields<Regularize> = {}): Regularize => ({
    type: 'Regularize',
    stoppageId: STOPPAGE_ID,
    regularizationId: REGULARIZATION_ID,
    through: JUNE_END,
    ...fields,
  }),

  recordRecovery: (fields: Fields<RecordRecovery> = {}): RecordRecovery => ({
    type: 'RecordRecovery',
    stoppageId: STOPPAGE_ID,
    recoveryId: RECOVERY_ID,
    amountCents: 10_000,
    ...fields,
  }),

  recordBankAccount: (fields: Fields<RecordBankAccount> = {}): RecordBankAccount => ({
    type: 'RecordBankAccount',
    policyholderId: POLICYHOLDER_ID,
    ...POLICYHOLDER_ACCOUNT,
    recordedBy: 'clerk-1',
    ...fields,
  }),

  recordSubrogation: (fields: Fields<RecordSubrogation> = {}): RecordSubrogation => ({
    type: 'RecordSubrogation',
    stoppageId: STOPPAGE_ID,
    subrogationId: SUBROGATION_ID,
    employerId: EMPLOYER_ID,
    fromDate: JUNE_START,
    toDate: JUNE_END,
    employerAccount: EMPLOYER_ACCOUNT,
    ...fields,
  }),

  activateRulesVersion: (fields: Fields<ActivateRulesVersion> = {}): ActivateRulesVersion => ({
    type: 'ActivateRulesVersion',
    version: 'test-version',
    ...fields,
  }),
};
