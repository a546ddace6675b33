import { Money } from '@ij/money';
import { settle } from './settlement';

const cents = (amount: number) => Money.fromCents(amount);

/** U = (E − P) + O: the part of the entitlement no earlier regularization settled (ij-rules §5). */
describe('settling an entitlement against what was paid', () => {
  it('pays a positive difference', () =>
    expect(settle(cents(1_000), cents(300), cents(0))).toEqual({
      deltaCents: 700,
      outcome: 'PAID',
      paymentCents: 700,
      overpaymentAssessedCents: 0,
      overpaymentCancelledCents: 0,
    }));

  it('assesses a negative difference as an overpayment', () =>
    expect(settle(cents(1_000), cents(1_300), cents(0))).toMatchObject({ deltaCents: -300, outcome: 'OVERPAYMENT_ASSESSED', overpaymentAssessedCents: 300 }));

  it('finds nothing due when entitlement equals paid', () =>
    expect(settle(cents(1_000), cents(1_000), cents(0))).toMatchObject({ deltaCents: 0, outcome: 'NOTHING_DUE', paymentCents: 0 }));

  it('does not assess again an overpayment already outstanding', () =>
    expect(settle(cents(1_000), cents(1_300), cents(300))).toMatchObject({ outcome: 'NOTHING_DUE', overpaymentAssessedCents: 0 }));

  it('assesses only the growth of an overpayment', () =>
    expect(settle(cents(900), cents(1_300), cents(300))).toMatchObject({ outcome: 'OVERPAYMENT_ASSESSED', overpaymentAssessedCents: 100 }));

  it('cancels an outstanding overpayment before paying anything', () =>
    expect(settle(cents(1_100), cents(1_300), cents(300))).toEqual({
      deltaCents: -200,
      outcome: 'NOTHING_DUE',
      paymentCents: 0,
      overpaymentAssessedCents: 0,
      overpaymentCancelledCents: 100,
    }));

  it('cancels the whole overpayment and pays the rest', () =>
    expect(settle(cents(1_500), cents(1_300), cents(300))).toMatchObject({ outcome: 'PAID', paymentCents: 200, overpaymentCancelledCents: 300 }));
});
