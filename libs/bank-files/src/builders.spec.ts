import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { validateXML } from 'xmllint-wasm';
import { camt054Document } from './camt054-document';
import { pain002Document } from './pain002-document';
import { parseBankReport } from './parse-bank-report';

const schema = (file: string) => ({ fileName: file, contents: readFileSync(join(__dirname, '..', 'schemas', file), 'utf8') });

async function schemaErrors(xml: string, file: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'built.xml', contents: xml }], schema: [schema(file)] });
  return result.errors.map((error) => error.rawMessage);
}

describe('bank report builders', () => {
  const camtInput = {
    messageId: 'CAMT-1',
    createdOn: '2026-11-28',
    entries: [
      { endToEndId: 'pay-0001', amountCents: 52135, bookedOn: '2026-11-27' },
      { endToEndId: 'pay-<&>', amountCents: 7, bookedOn: '2026-11-28', returned: { reasonCode: 'AC04', reasonText: 'Compte clos & "soldé"' } },
      { endToEndId: 'pay-0003', amountCents: 0, bookedOn: '2026-11-28', returned: { reasonCode: 'MD07' } },
    ],
  };

  it('builds a camt.054.001.08 valid against the official schema, in its namespace, that reads back as built', async () => {
    const xml = camt054Document(camtInput);
    expect(await schemaErrors(xml, 'camt.054.001.08.xsd')).toEqual([]);
    expect(xml).toContain('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">');
    // 52135 cents written "521.35"; 7 cents "0.07".
    expect(xml).toContain('<Amt Ccy="EUR">521.35</Amt>');
    expect(xml).toContain('<Amt Ccy="EUR">0.07</Amt>');
    expect(await parseBankReport(xml)).toEqual({
      messageId: 'CAMT-1',
      kind: 'camt.054',
      entries: [
        { endToEndId: 'pay-0001', outcome: 'SETTLED', amountCents: 52135, bookedOn: '2026-11-27' },
        { endToEndId: 'pay-<&>', outcome: 'RETURNED', amountCents: 7, bookedOn: '2026-11-28', reasonCode: 'AC04', reasonText: 'Compte clos & "soldé"' },
        { endToEndId: 'pay-0003', outcome: 'RETURNED', amountCents: 0, bookedOn: '2026-11-28', reasonCode: 'MD07' },
      ],
    });
  });

  it('builds a pain.002.001.11 valid against the official schema, that reads back as built', async () => {
    const input = {
      messageId: 'PSR-1',
      createdOn: '2026-11-28T09:30:00+01:00',
      originalMessageId: 'RUN-2026-11-27',
      rejections: [
        { endToEndId: 'pay-0007', amountCents: 15541, reasonCode: 'AC01', reasonText: 'IBAN incorrect' },
        { endToEndId: 'pay-0008', amountCents: 100, reasonCode: 'MD07' },
      ],
    };
    const xml = pain002Document(input);
    expect(await schemaErrors(xml, 'pain.002.001.11.xsd')).toEqual([]);
    expect(xml).toContain('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.11">');
    expect(await parseBankReport(xml)).toEqual({
      messageId: 'PSR-1',
      kind: 'pain.002',
      entries: [
        { endToEndId: 'pay-0007', outcome: 'REJECTED', amountCents: 15541, bookedOn: '2026-11-28', reasonCode: 'AC01', reasonText: 'IBAN incorrect' },
        { endToEndId: 'pay-0008', outcome: 'REJECTED', amountCents: 100, bookedOn: '2026-11-28', reasonCode: 'MD07' },
      ],
    });
    const none = pain002Document({ ...input, rejections: [] });
    expect(await schemaErrors(none, 'pain.002.001.11.xsd')).toEqual([]);
    expect((await parseBankReport(none)).entries).toEqual([]);
  });

  it('refuses to write a negative or fractional amount, or a reason longer than one AddtlInf line', () => {
    const entry = { endToEndId: 'pay-1', bookedOn: '2026-11-27' };
    expect(() => camt054Document({ messageId: 'M', createdOn: '2026-11-27', entries: [{ ...entry, amountCents: -1 }] })).toThrow(RangeError);
    expect(() => camt054Document({ messageId: 'M', createdOn: '2026-11-27', entries: [{ ...entry, amountCents: 1.5 }] })).toThrow(/whole number of cents/u);
    const long = { endToEndId: 'pay-1', amountCents: 1, reasonCode: 'AC01', reasonText: 'x'.repeat(106) };
    expect(() => pain002Document({ messageId: 'M', createdOn: '2026-11-27', originalMessageId: 'R', rejections: [long] })).toThrow(/105/u);
  });

  it('round-trips any amount in cents through both documents exactly (property)', async () => {
    // Up to 10^15 cents (10 000 000 000 000 €): 17 digits, within the schemas' 18 total digits and 2^53.
    // Each parse validates with xmllint (about a second on a loaded machine): few runs, many amounts each.
    const cents = fc.oneof(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 1_000_000_000_000_000 }));
    await fc.assert(
      fc.asyncProperty(fc.array(cents, { minLength: 1, maxLength: 40 }), async (amounts) => {
        const camtXml = camt054Document({
          messageId: 'P',
          createdOn: '2026-11-28',
          entries: amounts.map((amountCents, index) => ({ endToEndId: `e${index}`, amountCents, bookedOn: '2026-11-28' })),
        });
        const painXml = pain002Document({
          messageId: 'P',
          createdOn: '2026-11-28',
          originalMessageId: 'R',
          rejections: amounts.map((amountCents, index) => ({ endToEndId: `e${index}`, amountCents, reasonCode: 'AC01' })),
        });
        expect((await parseBankReport(camtXml)).entries.map((entry) => entry.amountCents)).toEqual(amounts);
        expect((await parseBankReport(painXml)).entries.map((entry) => entry.amountCents)).toEqual(amounts);
      }),
      { numRuns: 6 },
    );
  }, 120_000);
});
