/**
 * One CSV cell (RFC 4180 quoting where needed). A text cell starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return is read as a formula by spreadsheets (CSV injection; issue 21: policyholder ids can start
 * with `-`): it is written with a leading `'`. Numbers are written as they are (a negative amount stays a number).
 */
export function csvCell(value: string | number): string {
  const text = typeof value === 'string' && /^[=+\-@\t\r]/u.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}
