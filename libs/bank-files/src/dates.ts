import type { Problems } from './invalid-bank-report';
import { type XmlNode, textOf } from './xml-tree';

const DAY = /^\d{4}-\d{2}-\d{2}/u;

/**
 * The calendar date of an ISO date or date-time as the bank wrote it ("2026-11-27", "2026-11-27+01:00",
 * "2026-11-27T23:30:00+01:00" → "2026-11-27"): the bank's booking day, never shifted to another zone.
 */
export function dayOf(written: string | undefined): string | undefined {
  return written === undefined ? undefined : DAY.exec(written)?.[0];
}

/** A DateAndDateTime2Choice (`<BookgDt><Dt>…</Dt></BookgDt>` or `<DtTm>…</DtTm>`) as YYYY-MM-DD. */
export function dayOfChoice(choice: XmlNode | undefined, field: string, problems: Problems): string | undefined {
  return dayOf(textOf(choice, 'Dt') ?? textOf(choice, 'DtTm')) ?? problems.add(field, 'booking date missing');
}

/** Builders take a date (YYYY-MM-DD, written as midnight) or a full ISO date-time for a CreDtTm. */
export function isoDateTime(createdOn: string): string {
  return /^\d{4}-\d{2}-\d{2}$/u.test(createdOn) ? `${createdOn}T00:00:00` : createdOn;
}
