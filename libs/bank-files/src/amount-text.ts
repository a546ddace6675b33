import { decimalEuros } from '@ij/money';

/** Integer cents as an ISO 20022 amount ("1234.56"); a bank file carries no negative amount. */
export function amountText(amountCents: number, what: string): string {
  if (amountCents < 0) throw new RangeError(`${what}: a bank file amount is not negative (${amountCents} cents)`);
  return decimalEuros(amountCents);
}

/** AddtlInf is Max105Text: a longer reason cannot be written in one line and read back the same. */
export function reasonLine(reasonText: string, what: string): string {
  if (reasonText.length > 105) throw new RangeError(`${what}: a reason text holds at most 105 characters`);
  return reasonText;
}
