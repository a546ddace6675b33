import { foldEvents, type PolicyholderEvent, type StoppageRegularized } from '@ij/ledger';
import { CURRENT_RULES_VERSION } from '@ij/rules';
import { reproduceRegularization } from './reproduce-regularization';

/**
 * A regularization is reproduced from the events before it: a requalification recorded later does not
 * change what it was computed under. Sickness 2025-06-02..15 on 3 × 2 000 €: 11 days × 32.87 = 361.57 €.
 */
const opened: PolicyholderEvent = { type: 'StoppageOpened', schemaVersion: 2, data: { stoppageId: 's1', policyholderId: 'p1', kind: 'SICKNESS', startDate: '2025-06-02', endDate: '2025-06-15', openedOn: '2025-06-03' } };
const certificate: PolicyholderEvent = { type: 'SalaryCertificateRecorded', schemaVersion: 1, data: { stoppageId: 's1', salaries: ['2025-03', '2025-04', '2025-05'].map((month) => ({ month, grossCents: 200_000 })), recordedOn: '2025-06-05' } };
const regularized = (kind?: 'SICKNESS' | 'OCCUPATIONAL_ACCIDENT'): StoppageRegularized => ({
  type: 'StoppageRegularized',
  schemaVersion: 2,
  data: {
    stoppageId: 's1', regularizationId: 'r1', through: '2025-06-15', rulesVersion: CURRENT_RULES_VERSION, ...(kind ? { kind } : {}),
    entitlementCents: 36_157, paidBeforeCents: 0, overpaymentOutstandingBeforeCents: 0, deltaCents: 36_157, outcome: 'PAID',
    paymentCents: 36_157, overpaymentAssessedCents: 0, overpaymentCancelledCents: 0, regularizedOn: '2025-06-20',
  },
});
const where = { streamId: 'policyholder-p1', revision: 2 };

describe('reproducing a regularization', () => {
  it('reproduces it with the kind it recorded, the stoppage as it was then', () =>
    expect(reproduceRegularization(foldEvents([opened, certificate]), regularized('SICKNESS'), where)).toBeUndefined());

  it('reproduces a version 1 regularization (no kind recorded) with the kind folded up to it', () =>
    expect(reproduceRegularization(foldEvents([opened, certificate]), regularized(), where)).toBeUndefined());

  it('reports a recorded kind that is not the stoppage’s at that point', () =>
    expect(reproduceRegularization(foldEvents([opened, certificate]), regularized('OCCUPATIONAL_ACCIDENT'), where)).toMatchObject({
      kind: 'REGULARIZATION_MISMATCH',
      expected: { kind: 'SICKNESS' },
      actual: { kind: 'OCCUPATIONAL_ACCIDENT' },
    }));
});
