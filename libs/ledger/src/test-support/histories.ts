import type { PolicyholderEvent, StoppageRegularized } from '../events/policyholder-events';
import { events } from './events';
import {
  ACCIDENT_DATE,
  ACCIDENT_END,
  ACCIDENT_SALARIES,
  ACCIDENT_START,
  CONTINUATION_ID,
  JUNE_END,
  JUNE_ENTITLEMENT_CENTS,
  STOPPAGE_ID,
} from './fixtures';

interface Ids {
  stoppageId?: string;
}

/** Histories that tests start from, named for the situation they set up. */
export const histories = {
  /** A regularization that paid, and the transfer of the whole payment to the policyholder (no subrogation, no offset). */
  paidRegularization: (data: Partial<StoppageRegularized['data']> = {}): PolicyholderEvent[] => {
    const regularized = events.stoppageRegularized({ outcome: 'PAID', ...data });
    const { regularizationId, stoppageId, paymentCents, regularizedOn } = regularized.data;
    const payment = events.paymentOrdered({ paymentId: `${regularizationId.replace(/-/gu, '')}H`, regularizationId, stoppageId, grossCents: paymentCents, orderedOn: regularizedOn });
    // The payment's transfer carries the withholdings the payment records (the payment's own test checks them).
    const { paymentId, grossCents, csgCents, crdsCents, netCents } = payment.data;
    const transfer = events.transferOrdered({ transferId: paymentId, source: 'REGULARIZATION', sourceId: regularizationId, stoppageId, grossCents, csgCents, crdsCents, netCents, orderedOn: regularizedOn });
    return [regularized, payment, transfer];
  },

  /** A June 2025 sickness stoppage, opened, no certificate yet. */
  openedStoppage: ({ stoppageId = STOPPAGE_ID }: Ids = {}): PolicyholderEvent[] => [events.stoppageOpened({ stoppageId })],

  /** The same with its salary certificate: 3 × 2 000 €. */
  certifiedStoppage: ({ stoppageId = STOPPAGE_ID }: Ids = {}): PolicyholderEvent[] => [
    events.stoppageOpened({ stoppageId }),
    events.salaryCertificateRecorded({ stoppageId }),
  ],

  /** Regularized through its end date, its whole entitlement paid: CLOSED. */
  closedStoppage: ({ stoppageId = STOPPAGE_ID }: Ids = {}): PolicyholderEvent[] => [
    ...histories.certifiedStoppage({ stoppageId }),
    events.stoppageRegularized({
      stoppageId,
      through: JUNE_END,
      entitlementCents: JUNE_ENTITLEMENT_CENTS,
      deltaCents: JUNE_ENTITLEMENT_CENTS,
      outcome: 'PAID',
      paymentCents: JUNE_ENTITLEMENT_CENTS,
    }),
  ],

  /** 1 000 € advanced against 854.62 € due: 145.38 € assessed as an overpayment, nothing recovered yet. */
  overpaidStoppage: ({ stoppageId = STOPPAGE_ID }: Ids = {}): PolicyholderEvent[] => [
    ...histories.certifiedStoppage({ stoppageId }),
    events.advanceIssued({ stoppageId, amountCents: 100_000 }),
    events.stoppageRegularized({
      stoppageId,
      through: JUNE_END,
      entitlementCents: JUNE_ENTITLEMENT_CENTS,
      paidBeforeCents: 100_000,
      deltaCents: JUNE_ENTITLEMENT_CENTS - 100_000,
      outcome: 'OVERPAYMENT_ASSESSED',
      overpaymentAssessedCents: 100_000 - JUNE_ENTITLEMENT_CENTS,
    }),
  ],

  /** The certified June stoppage, prolonged from 1 to 15 July by a new prescription without its own certificate. */
  prolongedStoppage: (): PolicyholderEvent[] => [
    ...histories.certifiedStoppage(),
    events.stoppageOpened({
      stoppageId: CONTINUATION_ID,
      startDate: '2025-07-01',
      endDate: '2025-07-15',
      prolongationOf: STOPPAGE_ID,
    }),
  ],

  /** A 20-day occupational accident with its one-month certificate. */
  certifiedAccident: ({ stoppageId = STOPPAGE_ID }: Ids = {}): PolicyholderEvent[] => [
    events.stoppageOpened({
      stoppageId,
      kind: 'OCCUPATIONAL_ACCIDENT',
      startDate: ACCIDENT_START,
      endDate: ACCIDENT_END,
      accidentDate: ACCIDENT_DATE,
    }),
    events.salaryCertificateRecorded({ stoppageId, salaries: ACCIDENT_SALARIES }),
  ],
};
