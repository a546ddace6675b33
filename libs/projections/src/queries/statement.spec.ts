import { CURRENT_RULES_VERSION, getRulesVersion } from '@ij/rules';
import { foldEvents, type PolicyholderEvent } from '@ij/ledger';
import type { StoppageKind } from '@ij/rules';
import type { PolicyholderDocument } from '../model/policyholder-document';
import { policyholderStatement } from './statement';

/**
 * ij-rules §5 (CGI art. 12, 80 quinquies, 154 quinquies): allowances are income of the month they are paid,
 * advances included; taxable = (gross − deductible CSG 3.8 %) × the kind's share; recoveries reduce the
 * taxable income of their month. Every figure below is worked out by hand in its comment.
 */
const POLICYHOLDER = 'policyholder-statement';
const RULES = getRulesVersion(CURRENT_RULES_VERSION)!;

function opened(stoppageId: string, kind: StoppageKind = 'SICKNESS', aldAffectionId?: string): PolicyholderEvent {
  return { type: 'StoppageOpened', schemaVersion: 2, data: { stoppageId, policyholderId: POLICYHOLDER, kind, startDate: '2026-03-01', endDate: '2026-03-31', openedOn: '2026-03-02', ...(aldAffectionId ? { aldAffectionId } : {}) } };
}
function advance(stoppageId: string, amountCents: number, issuedOn: string): PolicyholderEvent {
  return { type: 'AdvanceIssued', schemaVersion: 1, data: { stoppageId, advanceId: `advance-${issuedOn}`, amountCents, reason: 'certificate pending', issuedOn } };
}
/** The advance's transfer, withholdings stated by the test. */
function advanceTransfer(stoppageId: string, issuedOn: string, grossCents: number, csgCents: number, crdsCents: number, netCents: number): PolicyholderEvent {
  return { type: 'TransferOrdered', schemaVersion: 1, data: { transferId: `advance${issuedOn}A`, source: 'ADVANCE', sourceId: `advance-${issuedOn}`, payee: 'POLICYHOLDER', stoppageId, grossCents, csgCents, crdsCents, netCents, orderedOn: issuedOn } };
}
function regularized(stoppageId: string, regularizedOn: string, paymentCents: number, overpaymentAssessedCents = 0): PolicyholderEvent {
  return {
    type: 'StoppageRegularized', schemaVersion: 2,
    data: { stoppageId, regularizationId: `regularization-${stoppageId}-${regularizedOn}`, through: '2026-03-31', rulesVersion: '2026.2', entitlementCents: 0, paidBeforeCents: 0, overpaymentOutstandingBeforeCents: 0, deltaCents: paymentCents, outcome: paymentCents > 0 ? 'PAID' : 'NOTHING_DUE', paymentCents, overpaymentAssessedCents, overpaymentCancelledCents: 0, regularizedOn },
  };
}
/** A payment with its withholdings stated by the test (on the gross less the offset). */
function ordered(stoppageId: string, orderedOn: string, grossCents: number, withheld: { csgCents: number; crdsCents: number; netCents: number }, payee: 'POLICYHOLDER' | 'EMPLOYER' = 'POLICYHOLDER', offsetCents = 0): PolicyholderEvent {
  return {
    type: 'PaymentOrdered', schemaVersion: 1,
    data: { paymentId: `payment-${stoppageId}-${payee}`, stoppageId, regularizationId: `regularization-${stoppageId}-${orderedOn}`, payee, ...(payee === 'EMPLOYER' ? { employerId: 'siret-1' } : {}), grossCents, offsetCents, transferredGrossCents: grossCents - offsetCents, ...withheld, orderedOn },
  };
}

function documentOf(events: PolicyholderEvent[]): PolicyholderDocument {
  const state = foldEvents(events);
  return { policyholderId: POLICYHOLDER, stoppages: [...state.stoppages.values()], ...(state.transfers ? { transfers: [...state.transfers] } : {}), advancesRegularized: {}, lastPosition: 0n };
}

describe("a policyholder's statement for a year", () => {
  it('counts an advance as an allowance of the month it is paid, net of its withholdings, never moved to the regularization', () => {
    // Advance 300.00 €: CSG 18.60, CRDS 1.50, net 279.90 (300 × 0.933); deductible CSG 300 × 3.8 % = 11.40 → taxable 288.60.
    // Payment 258.79 € in April: CSG 1 604.498 → 16.04, net 24 145.107 → 241.45, CRDS 1.30; deductible 983.402 → 9.83 → taxable 248.96.
    const statement = policyholderStatement(
      documentOf([opened('s1'), advance('s1', 30_000, '2026-03-10'), advanceTransfer('s1', '2026-03-10', 30_000, 1_860, 150, 27_990), regularized('s1', '2026-04-05', 25_879), ordered('s1', '2026-04-05', 25_879, { csgCents: 1_604, crdsCents: 130, netCents: 24_145 })]),
      2026,
      RULES,
    );
    const [march, april] = [statement.months[2], statement.months[3]];
    expect(march).toMatchObject({ month: '2026-03', advancesCents: 30_000, allowancesGrossCents: 30_000, csgCents: 1_860, crdsCents: 150, deductibleCsgCents: 1_140, netPaidCents: 27_990, taxableCents: 28_860 });
    expect(march.advances).toEqual([expect.objectContaining({ amountCents: 30_000, issuedOn: '2026-03-10' })]);
    expect(april).toMatchObject({ advancesCents: 0, allowancesGrossCents: 25_879, allowancesByKind: { SICKNESS: 25_879 }, csgCents: 1_604, crdsCents: 130, deductibleCsgCents: 983, netPaidCents: 24_145, taxableCents: 24_896 });
    // The year: 558.79 € of allowances, 521.35 € net, 537.56 € taxable.
    expect(statement.totals).toMatchObject({ advancesCents: 30_000, allowancesGrossCents: 55_879, netPaidCents: 52_135, taxableCents: 53_756 });
  });

  it('taxes an advance of release 13 (paid without withholding) on its whole amount', () => {
    const statement = policyholderStatement(documentOf([opened('s1'), advance('s1', 30_000, '2026-03-10')]), 2026, RULES);
    expect(statement.months[2]).toMatchObject({ advancesCents: 30_000, allowancesGrossCents: 30_000, csgCents: 0, deductibleCsgCents: 0, netPaidCents: 30_000, taxableCents: 30_000 });
  });

  it('taxes occupational allowances for half, and exempts a long-term illness (ALD)', () => {
    // 789.00 €: CSG 48.918 → 48.92, net 736.137 → 736.14, CRDS 3.94; deductible 29.982 → 29.98; (789.00 − 29.98) × 50 % = 379.51.
    const statement = policyholderStatement(
      documentOf([opened('work', 'OCCUPATIONAL_ACCIDENT'), ordered('work', '2026-05-31', 78_900, { csgCents: 4_892, crdsCents: 394, netCents: 73_614 }), opened('ald', 'SICKNESS', 'ALD-8'), ordered('ald', '2026-05-31', 50_000, { csgCents: 3_100, crdsCents: 250, netCents: 46_650 })]),
      2026,
      RULES,
    );
    expect(statement.months[4]).toMatchObject({ allowancesByKind: { OCCUPATIONAL_ACCIDENT: 78_900, SICKNESS: 50_000 }, allowancesGrossCents: 128_900, taxableCents: 37_951 });
  });

  it("shows what an employer was paid under subrogation apart, outside the policyholder's allowances and taxable income", () => {
    const statement = policyholderStatement(
      documentOf([opened('s1'), ordered('s1', '2026-04-01', 32_870, { csgCents: 2_038, crdsCents: 164, netCents: 30_668 }, 'EMPLOYER'), ordered('s1', '2026-04-01', 23_009, { csgCents: 1_427, crdsCents: 115, netCents: 21_467 })]),
      2026,
      RULES,
    );
    // 230.09 €: deductible 8.743 → 8.74; taxable 221.35.
    expect(statement.months[3]).toMatchObject({ paidToEmployerCents: 32_870, allowancesGrossCents: 23_009, csgCents: 1_427, taxableCents: 22_135 });
  });

  it('takes recovered overpayments off the taxable income of the month they are recovered in', () => {
    const events: PolicyholderEvent[] = [
      opened('s1'), advance('s1', 80_000, '2025-12-20'), regularized('s1', '2026-01-10', 0, 24_121),
      { type: 'RecoveryRecorded', schemaVersion: 1, data: { stoppageId: 's1', recoveryId: 'r1', amountCents: 4_121, recordedOn: '2026-02-03' } },
      // 887.49 € of allowances, 200.00 € of it offset: CSG on 687.49 € = 42.624 → 42.62, net 641.428 → 641.43, CRDS 3.44.
      opened('s2'), regularized('s2', '2026-06-30', 88_749), ordered('s2', '2026-06-30', 88_749, { csgCents: 4_262, crdsCents: 344, netCents: 64_143 }, 'POLICYHOLDER', 20_000),
      { type: 'OverpaymentOffset', schemaVersion: 1, data: { offsetId: 'o1', overpaymentStoppageId: 's1', overpaymentRegularizationId: 'regularization-s1-2026-01-10', paymentId: 'payment-s2-POLICYHOLDER', paymentStoppageId: 's2', amountCents: 20_000, offsetOn: '2026-06-30' } },
    ];
    const statement = policyholderStatement(documentOf(events), 2026, RULES);
    // February: −41.21 € taxable. June: 887.49 − deductible (687.49 × 3.8 % = 26.124 → 26.12) − 200.00 recovered = 661.37.
    expect(statement.months[1]).toMatchObject({ overpaymentsRecoveredCents: 4_121, taxableCents: -4_121 });
    expect(statement.months[5]).toMatchObject({ overpaymentsRecoveredCents: 20_000, allowancesGrossCents: 88_749, netPaidCents: 64_143, deductibleCsgCents: 2_612, taxableCents: 66_137 });
    expect(statement.months[0]).toMatchObject({ allowancesGrossCents: 0, taxableCents: 0 });
    // The advance of December 2025 is income of 2025, the year it was paid.
    expect(policyholderStatement(documentOf(events), 2025, RULES).totals).toMatchObject({ advancesCents: 80_000, allowancesGrossCents: 80_000, taxableCents: 80_000, overpaymentsRecoveredCents: 0 });
  });

  it('shows a transfer the bank returned in the month of its return, and its new payment in its own month', () => {
    const events: PolicyholderEvent[] = [
      opened('s1'), advance('s1', 30_000, '2026-03-10'), advanceTransfer('s1', '2026-03-10', 30_000, 1_860, 150, 27_990),
      { type: 'TransferExported', schemaVersion: 1, data: { transferId: 'advance2026-03-10A', bankFileId: 'run1', payee: 'POLICYHOLDER', stoppageId: 's1', netCents: 27_990, creditorAccount: { iban: 'FR7630006000011234567890189', holderName: 'A' }, exportedOn: '2026-03-11' } },
      { type: 'TransferReturned', schemaVersion: 1, data: { transferId: 'advance2026-03-10A', bankReportId: 'camt-1', returnedOn: '2026-03-20', reasonCode: 'AC04', rejected: false } },
      { type: 'TransferOrdered', schemaVersion: 1, data: { transferId: 'again1', source: 'REORDER', sourceId: 'advance2026-03-10A', payee: 'POLICYHOLDER', stoppageId: 's1', grossCents: 30_000, csgCents: 1_860, crdsCents: 150, netCents: 27_990, orderedOn: '2026-04-02', replaces: 'advance2026-03-10A' } },
    ];
    const statement = policyholderStatement(documentOf(events), 2026, RULES);
    expect(statement.months[2]).toMatchObject({ allowancesGrossCents: 30_000, returnedCents: 27_990, repaidCents: 0 });
    expect(statement.months[2].returns).toEqual([{ transferId: 'advance2026-03-10A', stoppageId: 's1', netCents: 27_990, returnedOn: '2026-03-20', reasonCode: 'AC04', repaidBy: 'again1', repaidOn: '2026-04-02' }]);
    expect(statement.months[3]).toMatchObject({ allowancesGrossCents: 0, repaidCents: 27_990 });
  });
});
