import { foldEvents, withholdingsOn, type PolicyholderEvent } from '@ij/ledger';
import { Money } from '@ij/money';
import type { StoppageKind } from '@ij/rules';
import type { PolicyholderDocument } from '../model/policyholder-document';
import { policyholderStatement } from './statement';

const POLICYHOLDER = 'policyholder-statement';

function opened(stoppageId: string, kind: StoppageKind = 'SICKNESS', aldAffectionId?: string): PolicyholderEvent {
  return { type: 'StoppageOpened', schemaVersion: 1, data: { stoppageId, policyholderId: POLICYHOLDER, kind, startDate: '2026-03-01', endDate: '2026-03-31', openedOn: '2026-03-02', ...(aldAffectionId ? { aldAffectionId } : {}) } };
}
function advance(stoppageId: string, amountCents: number, issuedOn: string): PolicyholderEvent {
  return { type: 'AdvanceIssued', schemaVersion: 1, data: { stoppageId, advanceId: `advance-${issuedOn}`, amountCents, reason: 'certificate pending', issuedOn } };
}
function regularized(stoppageId: string, regularizedOn: string, paymentCents: number, overpaymentAssessedCents = 0): PolicyholderEvent {
  return {
    type: 'StoppageRegularized', schemaVersion: 1,
    data: { stoppageId, regularizationId: `regularization-${stoppageId}-${regularizedOn}`, through: '2026-03-31', rulesVersion: '2026.2', entitlementCents: 0, paidBeforeCents: 0, overpaymentOutstandingBeforeCents: 0, deltaCents: paymentCents, outcome: paymentCents > 0 ? 'PAID' : 'NOTHING_DUE', paymentCents, overpaymentAssessedCents, overpaymentCancelledCents: 0, regularizedOn },
  };
}
function ordered(stoppageId: string, orderedOn: string, grossCents: number, payee: 'POLICYHOLDER' | 'EMPLOYER' = 'POLICYHOLDER', offsetCents = 0): PolicyholderEvent {
  const transferred = Money.fromCents(grossCents - offsetCents);
  return {
    type: 'PaymentOrdered', schemaVersion: 1,
    data: { paymentId: `payment-${stoppageId}-${payee}`, stoppageId, regularizationId: `regularization-${stoppageId}-${orderedOn}`, payee, ...(payee === 'EMPLOYER' ? { employerId: 'siret-1' } : {}), grossCents, offsetCents, transferredGrossCents: transferred.toCents(), ...withholdingsOn(transferred, orderedOn), orderedOn },
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
    const { csgCents, crdsCents, netCents } = withholdingsOn(Money.fromCents(25_879), '2026-04-05');
    // 25 879 × 6.2 % = 1 604.498 → 1 604; net 25 879 × 0.933 = 24 145.107 → 24 145; CRDS the rest, 130.
    expect({ csgCents, crdsCents, netCents }).toEqual({ csgCents: 1_604, crdsCents: 130, netCents: 24_145 });
    expect(april).toMatchObject({
      reclassifiedAdvancesCents: 30_000,
      allowancesGrossCents: 55_879,
      allowancesByKind: { SICKNESS: 55_879 },
      csgCents, crdsCents,
      netPaidCents: netCents,
      taxableCents: 55_879 - csgCents,
    });
    expect(statement.totals).toMatchObject({ advancesCents: 30_000, allowancesGrossCents: 55_879, netPaidCents: 30_000 + netCents, taxableCents: 55_879 - csgCents });
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
    const csg = withholdingsOn(Money.fromCents(78_900), '2026-05-31').csgCents;
    expect(statement.months[4]).toMatchObject({ allowancesByKind: { OCCUPATIONAL_ACCIDENT: 78_900, SICKNESS: 50_000 }, allowancesGrossCents: 128_900 });
    expect(statement.months[4].taxableCents).toBe(Money.fromCents(78_900 - csg).times('0.5', 'halfUp').toCents());
  });

  it("shows what an employer was paid under subrogation apart, outside the policyholder's allowances and taxable income", () => {
    const statement = policyholderStatement(documentOf([opened('s1'), ordered('s1', '2026-04-01', 32_870, 'EMPLOYER'), ordered('s1', '2026-04-01', 23_009)]), 2026);
    expect(statement.months[3]).toMatchObject({ paidToEmployerCents: 32_870, allowancesGrossCents: 23_009 });
    expect(statement.months[3].csgCents).toBe(withholdingsOn(Money.fromCents(23_009), '2026-04-01').csgCents);
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
    expect(statement.months[5]).toMatchObject({ overpaymentsRecoveredCents: 20_000, allowancesGrossCents: 88_749, netPaidCents: withholdingsOn(Money.fromCents(68_749), '2026-06-30').netCents });
    expect(statement.totals.overpaymentsRecoveredCents).toBe(24_121);
    expect(policyholderStatement(documentOf(events, { s1: 1 }), 2025).totals).toMatchObject({ advancesCents: 80_000, reclassifiedAdvancesCents: 0, overpaymentsRecoveredCents: 0 });
  });
});
