export { Money, AmountOutOfRange, NotWholeCents, formatCents, decimalEuros, type RoundingMode } from './money';
export { sum, min, max, sumCents } from './operations';
export { toScaledDecimal, InvalidDecimal, type ScaledDecimal } from './rate';
