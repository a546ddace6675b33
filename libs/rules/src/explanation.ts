import { formatCents } from '@ij/money';
import type { ExplanationStep } from './rules.types';

/** Explanation steps are plain text for auditors: amounts the French way (1 234,56 €). */
export function step(label: string, value: string, legalRef: string): ExplanationStep {
  return { label, value, legalRef };
}

const formatted = new Map<number, string>();
const FORMAT_CACHE_LIMIT = 100_000;

/**
 * fr-FR amount through @ij/money, cached: Intl formatting costs about a microsecond and the same
 * amounts (parameters, daily IJ) recur in every explanation.
 */
export function euros(cents: number): string {
  let text = formatted.get(cents);
  if (text === undefined) {
    text = formatCents(cents);
    if (formatted.size >= FORMAT_CACHE_LIMIT) formatted.clear();
    formatted.set(cents, text);
  }
  return text;
}

/** "0.5" → "50 %", "0.00834" → "0.834 %": rates read as the legal texts write them (string shift, no floats). */
const percents = new Map<string, string>();

export function percent(rate: string): string {
  let text = percents.get(rate);
  if (text === undefined) {
    text = percentOf(rate);
    percents.set(rate, text);
  }
  return text;
}

function percentOf(rate: string): string {
  const [whole, decimals = ''] = rate.split('.');
  const padded = decimals.padEnd(2, '0');
  const integerPart = (whole + padded.slice(0, 2)).replace(/^0+(?=\d)/u, '');
  const fraction = padded.slice(2);
  return fraction ? `${integerPart}.${fraction} %` : `${integerPart} %`;
}
