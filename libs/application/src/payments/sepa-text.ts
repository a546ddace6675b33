/**
 * The SEPA character set (EPC "Latin character set" of the SEPA credit transfer rulebook): the only
 * characters a bank file carries, whatever was stored. Events already stored with other characters (issue 21:
 * a holderName with BEL, NUL, ESC made the pain.001 not well-formed, for good, since it is rebuilt from
 * stored events) are transliterated when the file is written.
 */
const SEPA_CHARACTER = /^[a-zA-Z0-9/\-?:().,'+ ]$/u;

/** Letters that do not decompose into a base letter and accents. */
const TRANSLITERATIONS: Record<string, string> = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D',
  ð: 'd', Ð: 'D', þ: 'th', Þ: 'TH', ı: 'i', '&': '+', '’': "'", '‘': "'", '`': "'", '´': "'", '"': "'",
  '“': "'", '”': "'", '«': "'", '»': "'", '–': '-', '—': '-', _: '-', '€': 'EUR',
};

/** Put for a character with no SEPA equivalent. */
const SUBSTITUTE = '.';

/**
 * `text` in the SEPA character set: accents and invisible format characters (bidi overrides…) dropped (é → e), ligatures and special letters spelled out
 * (ß → ss, æ → ae), controls and other white space read as a space, anything else as `.`; spaces collapsed,
 * trimmed, cut to `maxLength`. Never empty (the schema's text types need one character): `.` if nothing is left.
 */
export function sepaText(text: string, maxLength: number): string {
  let written = '';
  for (const character of text.normalize('NFKD')) {
    if (SEPA_CHARACTER.test(character)) written += character;
    else if (/[\p{M}\p{Cf}]/u.test(character)) continue;
    else if (TRANSLITERATIONS[character] !== undefined) written += TRANSLITERATIONS[character];
    else if (/[\p{Cc}\p{Z}\s]/u.test(character)) written += ' ';
    else written += SUBSTITUTE;
  }
  const collapsed = written.replace(/ {2,}/gu, ' ').trim().slice(0, maxLength).trim();
  return collapsed.length > 0 ? collapsed : SUBSTITUTE;
}
