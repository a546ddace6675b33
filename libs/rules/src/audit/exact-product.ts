import { Money, toScaledDecimal } from '@ij/money';

/**
 * A published figure as the exact product of parameters, rounded half-up once: base × Π factors ÷ divisor,
 * with no intermediate rounding (ij-rules §3: "the maxima are the exact products rounded half-up").
 */
export function exactProductHalfUp(baseCents: number, factors: readonly string[], divisor = '1'): number {
  const product = factors.map((factor) => toScaledDecimal(factor)).reduce((a, b) => ({ amount: a.amount * b.amount, scale: a.scale + b.scale }), { amount: 1, scale: 0 });
  const exactDivisor = toScaledDecimal(divisor);
  // base × product.amount ÷ (divisor.amount × 10^(product.scale − divisor.scale)), both sides integers.
  const shift = product.scale - exactDivisor.scale;
  const numerator = Money.fromCents(baseCents).times(shift >= 0 ? product.amount : product.amount * 10 ** -shift, 'truncate');
  return numerator.dividedBy({ amount: exactDivisor.amount * 10 ** Math.max(shift, 0), scale: 0 }, 'halfUp').toCents();
}
