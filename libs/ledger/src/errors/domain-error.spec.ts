import * as ledger from '../index';
import { DOMAIN_ERROR_CODES, DomainError } from './domain-error';

/** One of each error, with the facts that explain it. */
const instances: DomainError[] = [
  new ledger.StoppageNotFound('s1'),
  new ledger.StoppageAlreadyExists('s1'),
  new ledger.StoppageClosed('s1'),
  new ledger.StoppageEndsBeforeStart('s1', '2025-06-10', '2025-06-09'),
  new ledger.ExtensionNotLater('s1', '2025-06-30', '2025-06-30'),
  new ledger.StoppageEndedEarlyError('s1', '2025-06-10'),
  new ledger.EarlyEndOutsideStoppage('s1', '2025-07-01', '2025-06-02', '2025-06-30'),
  new ledger.ProlongationOfUnknownStoppage('s2', 's1'),
  new ledger.ProlongationKindMismatch('s2', 'SICKNESS', 's1', 'MATERNITY'),
  new ledger.ProlongationOverlaps('s2', '2025-06-30', 's1', '2025-06-30'),
  new ledger.StoppagesOverlap('s2', '2025-06-30', '2025-07-10', 's1'),
  new ledger.NoParametersForDateError('s1', 'SICKNESS', '2023-06-01', '2026.2'),
  new ledger.MissingSalaryCertificateError('s1', ['2025-03']),
  new ledger.SalaryCertificateMonthsMismatch('s1', ['2025-03'], ['2025-04']),
  new ledger.AdvanceExceedsMaximum('s1', 2, 0, 1, 1, 1, '2025-06-02'),
  new ledger.RecoveryExceedsOverpayment('s1', 2, 1),
  new ledger.RegularizationInFuture('s1', '2025-07-01', '2025-06-30'),
  new ledger.RegularizationBeforeSettledDate('s1', '2025-06-05', '2025-06-30'),
  new ledger.StoppageBeyondLongestPeriod('s1', '2025-06-02', '9999-12-31', '2028-06-01'),
  new ledger.StoppageIdTaken('s1'),
  new ledger.UnknownRulesVersion('2099.1', ['2026.1']),
  new ledger.PolicyholderNotFound(),
  new ledger.SubrogationOutsideStoppage('s1', '2025-05-01', '2025-06-10', '2025-06-02', '2025-06-30'),
  new ledger.SubrogationsOverlap('s1', '2025-06-10', '2025-06-20', 'subrogation-1'),
  new ledger.EmployerBankAccountUnknown('s1', 'employer-1'),
  new ledger.StoppageAnnulledError('s1', '2025-09-30'),
  new ledger.RequalificationNotApplicable('s1', 'MATERNITY', 'SICKNESS'),
  new ledger.StoppageContinued('s1', 's2'),
  new ledger.PaymentRunInFuture('2026-01-31', '2025-12-01'),
  new ledger.PaymentRunNotFound('run-1'),
  new ledger.PaymentRunNotDone('run-1', 'running'),
  new ledger.NothingToTransfer('run-1'),
  new ledger.TransferNotFound('t1'),
  new ledger.TransferNotReturned('t1', 'SETTLED'),
  new ledger.TransferNotExported('t1'),
  new ledger.BankAccountNotAwaitingConfirmation(),
  new ledger.BankAccountConfirmationBySameActor('clerk-1'),
];

describe('domain errors', () => {
  it('each have a distinct code, and DOMAIN_ERROR_CODES lists exactly those codes', () => {
    const codes = instances.map((error) => error.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual([...DOMAIN_ERROR_CODES].sort());
  });

  it('are all exported as DomainError classes', () => {
    const exported = Object.values(ledger).filter(
      (value) => typeof value === 'function' && value.prototype instanceof DomainError,
    );
    expect(exported).toHaveLength(instances.length);
  });

  it('each have a title, a detail and their own name', () => {
    for (const error of instances) {
      expect(error.title).toEqual(expect.any(String));
      expect(error.detail).toBe(error.message);
      expect(error.name).toBe(error.constructor.name);
      expect(ledger.isDomainError(error)).toBe(true);
    }
  });
});
