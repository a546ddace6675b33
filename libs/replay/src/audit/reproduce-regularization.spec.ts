import { evolve, foldEvents, stateEntitlementCents, upcast, type PolicyholderEvent, type StoppageRegularized } from '@ij/ledger';
import { CURRENT_RULES_VERSION, getRulesVersion, type RulesVersion } from '@ij/rules';
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

  it('reads a store of the previous release (StoppageOpened and StoppageRegularized v1), reproduces it after a requalification, and computes with the current kind', () => {
    // As the previous release stored them: version 1, no employerId, no kind on the regularization.
    const { kind: _kind, ...v1Regularization } = regularized().data as StoppageRegularized['data'];
    const stored = [
      upcast('StoppageOpened', 1, opened.data),
      upcast('SalaryCertificateRecorded', 1, certificate.data),
    ] as PolicyholderEvent[];
    const oldRegularization = upcast('StoppageRegularized', 1, v1Regularization) as StoppageRegularized;
    const before = foldEvents(stored);
    const requalified: PolicyholderEvent = { type: 'StoppageRequalified', schemaVersion: 1, data: { stoppageId: 's1', stoppageIds: ['s1'], previousKind: 'SICKNESS', kind: 'OCCUPATIONAL_ACCIDENT', accidentDate: '2025-06-01', recognizedOn: '2025-09-15', recordedOn: '2025-09-20' } };
    const after = evolve(evolve(before, oldRegularization), requalified);
    // The audit folds up to the regularization: still sickness, 361.57 €.
    expect(reproduceRegularization(before, oldRegularization, where)).toBeUndefined();
    // Queries and replays use the current kind: 14 × 39.45 = 552.30 €.
    const rules = getRulesVersion(CURRENT_RULES_VERSION) as RulesVersion;
    expect(stateEntitlementCents(rules, after, '2025-06-15')[0]).toMatchObject({ status: 'COMPUTED', kind: 'OCCUPATIONAL_ACCIDENT', entitlementCents: 55_230 });
  });

  it('reports a recorded kind that is not the stoppage’s at that point', () =>
    expect(reproduceRegularization(foldEvents([opened, certificate]), regularized('OCCUPATIONAL_ACCIDENT'), where)).toMatchObject({
      kind: 'REGULARIZATION_MISMATCH',
      expected: { kind: 'SICKNESS' },
      actual: { kind: 'OCCUPATIONAL_ACCIDENT' },
    }));
});
