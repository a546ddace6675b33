import { getRulesVersion, type RulesVersion } from '@ij/rules';
import { MissingSalaryCertificateError, SalaryCertificateMonthsMismatch } from '../errors/payment-errors';
import { ProlongationKindMismatch } from '../errors/prolongation-errors';
import { commands } from '../test-support/commands';
import { events } from '../test-support/events';
import { CONTINUATION_ID, STOPPAGE_ID } from '../test-support/fixtures';
import { given } from '../test-support/given';
import { histories } from '../test-support/histories';

/**
 * A therapeutic part-time opened as the prolongation of a full-time stoppage (ij-rules §3, rules 2026.3).
 * The ledger used to refuse the link (prolongation-kind-mismatch); it records it now whatever the active
 * version, and asks for the certificate the active version computes with.
 * Given: sickness 2025-06-02 … 06-30 certified 3 × 2 000 € (2025-03 … 05), then the part-time 07-01 … 07-15.
 */
const rules = (version: string) => ({ rules: getRulesVersion(version) as RulesVersion });
const partTime = { stoppageId: CONTINUATION_ID, kind: 'THERAPEUTIC_PART_TIME' as const, startDate: '2025-07-01', endDate: '2025-07-15', prolongationOf: STOPPAGE_ID, dailyLossOfEarningsCents: 2_500 };
const withPartTime = () => [...histories.certifiedStoppage(), events.stoppageOpened(partTime)];

describe('a therapeutic part-time after a full-time stoppage', () => {
  it('is recorded as the prolongation of a sickness stoppage (no longer a kind mismatch)', () =>
    given(...histories.certifiedStoppage()).when(commands.openStoppage(partTime)).then([events.stoppageOpened(partTime)]));

  it('is recorded as the prolongation of an occupational accident, under 2026.3 as under 2026.2', () => {
    for (const version of ['2026.2', '2026.3']) {
      given(...histories.certifiedAccident())
        .when(commands.openStoppage(partTime), rules(version))
        .then([events.stoppageOpened(partTime)]);
    }
  });

  it('a part-time prolonging a maternity leave, or a sickness prolonging a part-time, is still a kind mismatch', () => {
    const leave = [events.stoppageOpened({ kind: 'MATERNITY' })];
    given(...leave).when(commands.openStoppage(partTime)).thenFails(ProlongationKindMismatch, { kind: 'THERAPEUTIC_PART_TIME', previousKind: 'MATERNITY' });
    given(...withPartTime())
      .when(commands.openStoppage({ stoppageId: 'stoppage-0003', startDate: '2025-07-16', endDate: '2025-07-31', prolongationOf: CONTINUATION_ID }))
      .thenFails(ProlongationKindMismatch, { kind: 'SICKNESS', previousKind: 'THERAPEUTIC_PART_TIME' });
  });

  describe('under 2026.3 it continues the chain: the chain’s certificate, no new one', () => {
    it('regularizes without a certificate of its own: min(32.87, 25.00) = 25.00 €/day × 15 days = 375.00 € (ij-rules §3)', () =>
      // The chain's SJB 6 000 ÷ 91.25 = 65.75 €, IJ 32.87 €, capped at the declared loss 25.00 €; no carence.
      given(...withPartTime())
        .when(commands.regularize({ stoppageId: CONTINUATION_ID, through: '2025-07-15' }), rules('2026.3'))
        .then([
          events.stoppageRegularized({
            stoppageId: CONTINUATION_ID,
            // The kind recorded is the stoppage's own; the chain's kind (sickness) only chooses its calculator.
            kind: 'THERAPEUTIC_PART_TIME',
            through: '2025-07-15',
            rulesVersion: '2026.3',
            entitlementCents: 37_500,
            deltaCents: 37_500,
            outcome: 'PAID',
            paymentCents: 37_500,
          }),
          // The regularization pays what is due: 375.00 € gross, net of CSG + CRDS 375.00 × 0.933 = 349.875 → 349.88 €.
          events.paymentOrdered({ stoppageId: CONTINUATION_ID, grossCents: 37_500 }),
          // …and orders its transfer in the same append (CSG 23.25, CRDS 1.87, net 349.88: hand-worked-withholdings).
          events.transferOrdered({ transferId: 'regularization0001H', source: 'REGULARIZATION', sourceId: 'regularization-0001', stoppageId: CONTINUATION_ID, grossCents: 37_500, csgCents: 2_325, crdsCents: 187, netCents: 34_988, orderedOn: '2025-09-30' }),
        ]));

    it('a certificate recorded on it must name the chain’s months (2025-03 … 05)', () =>
      given(...withPartTime())
        .when(commands.recordSalaryCertificate({ stoppageId: CONTINUATION_ID, salaries: [{ month: '2025-04', grossCents: 0 }, { month: '2025-05', grossCents: 0 }, { month: '2025-06', grossCents: 0 }] }), rules('2026.3'))
        .thenFails(SalaryCertificateMonthsMismatch, { expectedMonths: ['2025-03', '2025-04', '2025-05'] }));
  });

  describe('under 2026.2 (decision): a chain of its own, as the part-time it made the ledger open on its own', () => {
    it('needs a certificate of its own, for the 3 months before its start', () =>
      given(...withPartTime())
        .when(commands.regularize({ stoppageId: CONTINUATION_ID, through: '2025-07-15' }), rules('2026.2'))
        .thenFails(MissingSalaryCertificateError, { missingMonths: ['2025-04', '2025-05', '2025-06'] }));
  });
});
