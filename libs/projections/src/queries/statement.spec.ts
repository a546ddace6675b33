import { foldEvents, type PolicyholderEvent, type Withholdings } from '@ij/ledger';
import { Money } from '@ij/money';
import type { StoppageKind } from '@ij/rules';
import type { PolicyholderDocument } from '../model/policyholder-document';
import { policyholderStatement } from './statement';

const POLICYHOLDER = 'policyholder-statement';

function opened(stoppageId: string, kind: StoppageKind = 'SICKNESS', aldAffectionId?: string): PolicyholderEvent {
  return { type: 'StoppageOpened', schemaVersion: 2, data: { stoppageId, policyholderId: POLICYHOLDER, kind, startDate: '2026-03-01', endDate: '2026-03-31', openedOn: '2026-03-02', ...(aldAffectionId ? { aldAffectionId } : {}) } };
}
function advance(stoppageId: string, amountCents: number, issuedOn: string): PolicyholderEvent {
  return { type: 'AdvanceIssued', schemaVersion: 1, data: { stoppageId, advanceId: `advance-${issuedOn}`, amountCents, reason: 'certificate pending', issuedOn } };
}
function regularized(stoppageId: string, regularizedOn: string, paymentCents: number, overpaymentAssessedCents = 0): PolicyholderEvent {
  return {
    type: 'StoppageRegularized', schemaVersion: 2,
    data: { stoppageId, regularizationId: `regularization-${stoppageId}-${regularizedOn}`, through: '2026-03-31', rulesVersion: '2026.2', entitlementCents: 0, paidBeforeCents: 0, overpaymentOutstandingBeforeCents: 0, deltaCents: paymentCents, outcome: paymentCents > 0 ? 'PAID' : 'NOTHING_DUE', paymentCents, overpaymentAssessedCents, overpaymentCancelledCents: 0, regularizedOn },
  };
}
/**
 * What each PaymentOrdered recorded, worked out by hand (ij-rules §3): CSG = transferred × 0.062 half-up, net =
 * transferred × 0.933 half-up, CRDS the rest. The statement shows these recorded figures and never recomputes them.
 */
const WITHHELD: Record<number, Withholdings> = {
  // 258.79 €: CSG 16.04498 → 16.04; net 241.45107 → 241.45; CRDS 258.79 − 241.45 − 16.04 = 1.30
  25_879: { csgCents: 1_604, crdsCents: 130, netCents: 24_145 },
  // 789.00 €: CSG 48.918 → 48.92; net 736.137 → 736.14; CRDS 3.94
  78_900: { csgCents: 4_892, crdsCents: 394, netCents: 73_614 },
  // 500.00 €: CSG 31.00; net 466.50; CRDS 2.50
  50_000: { csgCents: 3_100, crdsCents: 250, netCents: 46_650 },
  // 328.70 €: CSG 20.3794 → 20.38; net 306.6771 → 306.68; CRDS 1.64
  32_870: { csgCents: 2_038, crdsCents: 164, netCents: 30_668 },
  // 230.09 €: CSG 14.26558 → 14.27; net 214.67397 → 214.67; CRDS 230.09 − 214.67 − 14.27 = 1.15
  23_009: { csgCents: 1_427, crdsCents: 115, netCents: 21_467 },
  // 887.49 € less a 200 € offset = 687.49 €: CSG 42.62438 → 42.62; net 641.42817 → 641.43; CRDS 687.49 − 641.43 − 42.62 = 3.44
  68_749: { csgCents: 4_262, crdsCents: 344, netCents: 64_143 },
};

function ordered(stoppageId: string, orderedOn: string, grossCents: number, payee: 'POLICYHOLDER' | 'EMPLOYER' = 'POLICYHOLDER', offsetCents = 0): PolicyholderEvent {
  const transferred = Money.fromCents(grossCents).minus(Money.fromCents(offsetCents));
  return {
    type: 'PaymentOrdered', schemaVersion: 1,
    data: { paymentId: `payment-${stoppageId}-${payee}`, stoppageId, regularizationId: `regularization-${stoppageId}-${orderedOn}`, payee, ...(payee === 'EMPLOYER' ? { employerId: 'siret-1' } : {}), grossCents, offsetCents, transferredGrossCents: transferred.toCents(), ...WITHHELD[transferred.toCents()], orderedOn },
  };
}

function documentOf(events: PolicyholderEvent[], advancesRegularized: Record<string, number> = {}): PolicyholderDocument {
  return { policyholderId: POLICYHOLDER, stoppages: [...foldEvents(events).stoppages.values()], advancesRegularized, lastPosition: 0n };
}

describe("a policyholder's statement for a year", () => {
  it('shows an advance as an advance, then reclassifies it as an allowance in the month of the regularization that settles it', () => {
    const statement = policyholderStatement(
      documentOf([opened('s1'), advance('s1', 30_000, '2026-03-10'), regularized('s1', '2026-04-05', 25_879), ordered('s1', '2026-04-05', 25_879)], { s1: 1 }),
      2026,
    );
    const [march, april] = [statement.months[2], statement.months[3]];
    expect(march).toMatchObject({ month: '2026-03', advancesCents: 30_000, allowancesGrossCents: 0, netPaidCents: 30_000, taxableCents: 0 });
    expect(march.advances).toEqual([expect.objectContaining({ amountCents: 30_000, reclassified: true, reclassifiedOn: '2026-04-05' })]);
    // allowances 300.00 (the advance, reclassified) + 258.79 = 558.79 €; taxable 558.79 − 16.04 CSG = 542.75 €
    expect(april).toMatchObject({
      reclassifiedAdvancesCents: 30_000,
      allowancesGrossCents: 55_879,
      allowancesByKind: { SICKNESS: 55_879 },
      csgCents: 1_604,
      crdsCents: 130,
      netPaidCents: 24_145,
      taxableCents: 54_275,
    });
    // net paid over the year: the 300.00 € advance as paid + 241.45 € = 541.45 €
    expect(statement.totals).toMatchObject({ advancesCents: 30_000, allowancesGrossCents: 55_879, netPaidCents: 54_145, taxableCents: 54_275 });
  });

  it('keeps an advance not yet regularized as an advance', () => {
    const statement = policyholderStatement(documentOf([opened('s1'), advance('s1', 30_000, '2026-03-10')]), 2026);
    expect(statement.months[2].advances[0].reclassified).toBe(false);
    expect(statement.totals).toMatchObject({ advancesCents: 30_000, reclassifiedAdvancesCents: 0, allowancesGrossCents: 0, taxableCents: 0 });
  });

  it('taxes occupational allowances for half, and exempts a long-term illness (ALD)', () => {
    const statement = policyholderStatement(
      documentOf([opened('work', 'OCCUPATIONAL_ACCIDENT'), ordered('work', '2026-05-31', 78_900), opened('ald', 'SICKNESS', 'ALD-8'), ordered('ald', '2026-05-31', 50_000)]),
      2026,
    );
    expect(statement.months[4]).toMatchObject({ allowancesByKind: { OCCUPATIONAL_ACCIDENT: 78_900, SICKNESS: 50_000 }, allowancesGrossCents: 128_900 });
    // occupational: (789.00 − 48.92 CSG) × 50 % = 740.08 × 0.5 = 370.04 €; the ALD stoppage: 0 %
    expect(statement.months[4].taxableCents).toBe(37_004);
  });

  it("shows what an employer was paid under subrogation apart, outside the policyholder's allowances and taxable income", () => {
    const statement = policyholderStatement(documentOf([opened('s1'), ordered('s1', '2026-04-01', 32_870, 'EMPLOYER'), ordered('s1', '2026-04-01', 23_009)]), 2026);
    expect(statement.months[3]).toMatchObject({ paidToEmployerCents: 32_870, allowancesGrossCents: 23_009 });
    // only the policyholder's transfer's CSG: 14.27 € (the employer's 20.38 € is not theirs)
    expect(statement.months[3].csgCents).toBe(1_427);
  });

  it('shows recoveries and offsets as overpayments recovered, in their months, and leaves other years out', () => {
    const events: PolicyholderEvent[] = [
      opened('s1'), advance('s1', 80_000, '2025-12-20'), regularized('s1', '2026-01-10', 0, 24_121),
      { type: 'RecoveryRecorded', schemaVersion: 1, data: { stoppageId: 's1', recoveryId: 'r1', amountCents: 4_121, recordedOn: '2026-02-03' } },
      opened('s2'), regularized('s2', '2026-06-30', 88_749), ordered('s2', '2026-06-30', 88_749, 'POLICYHOLDER', 20_000),
      { type: 'OverpaymentOffset', schemaVersion: 1, data: { offsetId: 'o1', overpaymentStoppageId: 's1', overpaymentRegularizationId: 'regularization-s1-2026-01-10', paymentId: 'payment-s2-POLICYHOLDER', paymentStoppageId: 's2', amountCents: 20_000, offsetOn: '2026-06-30' } },
    ];
    const statement = policyholderStatement(documentOf(events, { s1: 1 }), 2026);
    expect(statement.months[0]).toMatchObject({ reclassifiedAdvancesCents: 80_000, advancesCents: 0 });
    expect(statement.months[1].overpaymentsRecoveredCents).toBe(4_121);
    expect(statement.months[5]).toMatchObject({ overpaymentsRecoveredCents: 20_000, allowancesGrossCents: 88_749, netPaidCents: 64_143 });
    expect(statement.totals.overpaymentsRecoveredCents).toBe(24_121);
    expect(policyholderStatement(documentOf(events, { s1: 1 }), 2025).totals).toMatchObject({ advancesCents: 80_000, reclassifiedAdvancesCents: 0, overpaymentsRecoveredCents: 0 });
  });
});
