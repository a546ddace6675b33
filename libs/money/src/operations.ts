import { Money } from './money';

export function sum(amounts: Iterable<Money>): Money {
  let total = Money.zero();
  for (const amount of amounts) total = total.plus(amount);
  return total;
}

export function min(first: Money, ...others: Money[]): Money {
  return others.reduce((smallest, amount) => (amount.compare(smallest) < 0 ? amount : smallest), first);
}

export function max(first: Money, ...others: Money[]): Money {
  return others.reduce((largest, amount) => (amount.compare(largest) > 0 ? amount : largest), first);
}

/** Sums integer cents exactly, failing loudly if the total leaves the safe integer range. */
export function sumCents(amounts: Iterable<number>): number {
  return sum(Array.from(amounts, (cents) => Money.fromCents(cents))).toCents();
}
