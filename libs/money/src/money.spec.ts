import fc from 'fast-check';
import { AmountOutOfRange, Money, NotWholeCents, formatCents, max, min, sum, sumCents } from '@ij/money';

const euros = (cents: number) => Money.fromCents(cents);

describe('money', () => {
  describe('multiplying by an exact rate (ij-rules §3)', () => {
    it('65.75 × 0.5 → 32.87 truncated, 32.88 half-up', () => {
      expect(euros(6575).times('0.5', 'truncate').toCents()).toBe(3287);
      expect(euros(6575).times('0.5', 'halfUp').toCents()).toBe(3288);
    });

    it('789.00 × 0.933 → 736.14 half-up (occupational example, net of CSG+CRDS)', () => {
      expect(euros(78900).times('0.933', 'halfUp').toCents()).toBe(73614);
    });

    it('accepts a scaled integer as well as a string', () => {
      expect(euros(4710000).times({ amount: 834, scale: 5 }, 'halfUp').toCents()).toBe(39281);
      expect(euros(4710000).times('0.00834', 'halfUp').toCents()).toBe(39281);
    });

    it('truncates toward zero for negative amounts', () => {
      expect(euros(-6575).times('0.5', 'truncate').toCents()).toBe(-3287);
      expect(euros(-6575).times('0.5', 'halfUp').toCents()).toBe(-3288);
    });

    it('multiplies by whole numbers of days', () => {
      expect(euros(3945).times(20, 'truncate').toCents()).toBe(78900);
    });
  });

  describe('dividing by an exact divisor', () => {
    it('6 000.00 / 91.25 → 65.75 half-up (R323-4 daily base)', () => {
      expect(euros(600000).dividedBy('91.25', 'halfUp').toCents()).toBe(6575);
    });

    it('2 000.00 / 30.42 → 65.75 half-up (R433-1 daily base)', () => {
      expect(euros(200000).dividedBy('30.42', 'halfUp').toCents()).toBe(6575);
    });

    it('rounds halves up and truncates on request', () => {
      expect(euros(1).dividedBy('2', 'halfUp').toCents()).toBe(1);
      expect(euros(1).dividedBy('2', 'truncate').toCents()).toBe(0);
      expect(euros(-1).dividedBy('2', 'halfUp').toCents()).toBe(-1);
    });

    it('refuses a zero divisor', () => {
      expect(() => euros(100).dividedBy('0', 'halfUp')).toThrow();
    });
  });

  describe('exactness', () => {
    it('sums 10^6 amounts exactly', () => {
      const amounts = Array.from({ length: 1_000_000 }, (_, index) => (index % 1000) + 1);
      // 1000 blocks of 1..1000 → 1000 × 500 500 cents.
      expect(sumCents(amounts)).toBe(500_500_000);
    });

    it('stays exact near 2^53 cents and fails loudly beyond', () => {
      const nearLimit = Number.MAX_SAFE_INTEGER - 10;
      expect(euros(nearLimit).plus(euros(10)).toCents()).toBe(Number.MAX_SAFE_INTEGER);
      expect(() => euros(nearLimit).plus(euros(11))).toThrow(AmountOutOfRange);
      expect(() => euros(nearLimit).minus(euros(-11))).toThrow(AmountOutOfRange);
      expect(() => euros(nearLimit).times('2', 'halfUp')).toThrow(AmountOutOfRange);
      expect(() => euros(nearLimit).dividedBy('0.5', 'halfUp')).toThrow(AmountOutOfRange);
    });

    it('refuses fractional cents and unsafe integers', () => {
      expect(() => Money.fromCents(0.1)).toThrow(NotWholeCents);
      expect(() => Money.fromCents(Number.NaN)).toThrow(NotWholeCents);
      expect(() => Money.fromCents(2 ** 53)).toThrow(AmountOutOfRange);
    });

    it('refuses rates that are not plain decimals', () => {
      expect(() => euros(100).times('1e-3', 'halfUp')).toThrow();
      expect(() => euros(100).times('-0.5', 'halfUp')).toThrow();
      expect(() => euros(100).times(0.5, 'halfUp')).toThrow();
    });
  });

  describe('comparisons', () => {
    it('orders amounts and picks the smallest and the largest', () => {
      expect(euros(5).compare(euros(7))).toBe(-1);
      expect(min(euros(5), euros(3), euros(9)).toCents()).toBe(3);
      expect(max(euros(5), euros(3), euros(9)).toCents()).toBe(9);
      expect(sum([euros(5), euros(3), euros(-9)]).toCents()).toBe(-1);
      expect(euros(-1).isNegative()).toBe(true);
      expect(euros(0).isZero()).toBe(true);
      expect(euros(0).negate().toCents()).toBe(0);
    });
  });

  describe('formatting (fr-FR)', () => {
    it('writes 1 234,56 €', () => {
      expect(formatCents(123456).replace(/\s/gu, ' ')).toBe('1 234,56 €');
      expect(euros(5).format()).toBe('0,05 €');
      expect(euros(-123456789).format().replace(/\s/gu, ' ')).toBe('-1 234 567,89 €');
    });
  });

  describe('properties', () => {
    const cents = fc.integer({ min: -1e12, max: 1e12 });

    it('adding then subtracting gives back the start', () =>
      fc.assert(fc.property(cents, cents, (a, b) => euros(a).plus(euros(b)).minus(euros(b)).toCents() === a)));

    it('addition commutes', () =>
      fc.assert(fc.property(cents, cents, (a, b) => euros(a).plus(euros(b)).equals(euros(b).plus(euros(a))))));

    it('truncation never exceeds half-up, and they differ by at most a cent', () =>
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1e10 }), fc.integer({ min: 1, max: 99999 }), (a, rate) => {
          const factor = { amount: rate, scale: 5 };
          const truncated = euros(a).times(factor, 'truncate').toCents();
          const rounded = euros(a).times(factor, 'halfUp').toCents();
          return truncated <= rounded && rounded - truncated <= 1;
        }),
      ));

    it('dividing then multiplying by the same divisor lands within a cent per unit of divisor', () =>
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1e10 }), (a) => {
          const back = euros(a).dividedBy('91.25', 'halfUp').times('91.25', 'halfUp').toCents();
          return Math.abs(back - a) <= 46;
        }),
      ));
  });
});
