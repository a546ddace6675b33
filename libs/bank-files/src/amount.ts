import type { Problems } from './invalid-bank-report';
import { type XmlNode, textOf } from './xml-tree';

const DECIMAL = /^(\d+)(?:\.(\d+))?$/u;

/**
 * An ISO 20022 amount element (`<Amt Ccy="EUR">123.45</Amt>`) as integer cents, from the digits of the
 * decimal string (no binary floating point): "123.45" → "123" + "45" → 12345. Only euros; decimals
 * beyond the cent are refused unless they are zeros ("1.230" is exactly 1.23 €, "1.234" is not cents).
 */
export function centsOf(element: XmlNode | string | undefined, field: string, problems: Problems): number | undefined {
  if (element === undefined) return problems.add(field, 'amount missing');
  const currency = typeof element === 'string' ? undefined : element['@_Ccy'];
  if (currency !== 'EUR') return problems.add(field, `currency ${String(currency)} refused: the ledger pays in EUR only`);
  const written = textOf(element) ?? '';
  const match = DECIMAL.exec(written);
  if (!match) return problems.add(field, `"${written}" is not a decimal amount`);
  const decimals = match[2] ?? '';
  if (/[^0]/u.test(decimals.slice(2))) return problems.add(field, `"${written}" has more than 2 decimals: not a whole number of cents`);
  const cents = Number(match[1] + decimals.slice(0, 2).padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return problems.add(field, `"${written}" is too large to be held exactly in cents`);
  return cents;
}
