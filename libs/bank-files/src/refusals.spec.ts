import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { camt054Document } from './camt054-document';
import { InvalidBankReport, type BankReportProblem } from './invalid-bank-report';
import { parseBankReport } from './parse-bank-report';
import { MAX_REPORT_BYTES } from './validate-document';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8');
const camt = fixture('camt054-booked-and-returned.xml');

async function problemsOf(xml: string): Promise<BankReportProblem[]> {
  const refused = await parseBankReport(xml).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(refused).toBeInstanceOf(InvalidBankReport);
  return (refused as InvalidBankReport).problems;
}

describe('bank reports refused as a whole', () => {
  it('refuses malformed XML, saying where', async () => {
    const problems = await problemsOf(camt.replace('</GrpHdr>', '</GrpHeader>'));
    expect(problems).toEqual([{ field: 'document', message: expect.stringMatching(/^malformed XML at line 11, column \d+: /u) }]);
  });

  it('refuses a document of another namespace (a camt.053 statement, a pain.001 of our own)', async () => {
    const statement = camt.replace('camt.054.001.08', 'camt.053.001.08');
    expect(await problemsOf(statement)).toEqual([
      { field: '/Document', message: 'a Document in namespace urn:iso:std:iso:20022:tech:xsd:camt.053.001.08 is not a camt.054.001.08 nor a pain.002.001.11 Document' },
    ]);
    expect(await problemsOf('<Document><GrpHdr/></Document>')).toEqual([
      { field: '/Document', message: expect.stringMatching(/in namespace \(none\)/u) },
    ]);
  });

  it('refuses a document that breaks its schema, one problem per error, located', async () => {
    const problems = await problemsOf(camt.replace('<MsgId>CAMT054-20261127-0001</MsgId>', ''));
    expect(problems).toEqual([
      // xmllint names the element where it expected MsgId: the CreDtTm that came first, line 9.
      { field: '/Document/BkToCstmrDbtCdtNtfctn/GrpHdr/CreDtTm', message: "Element 'CreDtTm': This element is not expected. Expected is ( MsgId ). (line 9)" },
    ]);
    const two = await problemsOf(camt.replace('<MsgId>CAMT054-20261127-0001</MsgId>', '').replace('<Cd>PDNG</Cd>', '<Cd>PENDING</Cd>'));
    expect(two).toHaveLength(2);
    expect(two[1].field).toBe('/Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[3]/Sts/Cd');
  });

  it('refuses an amount with 3 decimals, and any amount not in euros', async () => {
    const problems = await problemsOf(camt.replace('<Amt Ccy="EUR">521.35</Amt>', '<Amt Ccy="EUR">521.355</Amt>').replace('<Amt Ccy="EUR">258.31</Amt>', '<Amt Ccy="CHF">258.31</Amt>'));
    expect(problems).toEqual([
      { field: '/Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[1]/NtryDtls[1]/TxDtls[1]/Amt', message: '"521.355" has more than 2 decimals: not a whole number of cents' },
      { field: '/Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[1]/NtryDtls[1]/TxDtls[2]/AmtDtls/TxAmt/Amt', message: 'currency CHF refused: the ledger pays in EUR only' },
    ]);
  });

  it('accepts trailing zeros beyond the cent: "521.350" is exactly 521.35 €', async () => {
    const report = await parseBankReport(camt.replace('<Amt Ccy="EUR">521.35</Amt>', '<Amt Ccy="EUR">521.350</Amt>'));
    expect(report.entries[0].amountCents).toBe(52135);
  });

  it('refuses a DOCTYPE or an entity declaration before reading anything (no entity expansion)', async () => {
    const laughs = camt.replace(
      '<Document ',
      '<!DOCTYPE Document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n<Document ',
    ).replace('CPAM IJ LEDGER', '&lol2;');
    expect(await problemsOf(laughs)).toEqual([{ field: 'document', message: 'DOCTYPE and entity declarations are refused (ISO 20022 documents have none)' }]);
    const external = camt.replace('<Document ', '<!DOCTYPE Document SYSTEM "file:///etc/passwd">\n<Document ');
    expect(await problemsOf(external)).toEqual([{ field: 'document', message: expect.stringMatching(/^DOCTYPE/u) }]);
  });

  it('refuses a document over the size bound unread', async () => {
    const entries = Array.from({ length: 1 }, (_, index) => ({ endToEndId: `pay-${index}`, amountCents: 100, bookedOn: '2026-11-27' }));
    const padded = camt054Document({ messageId: 'BIG', createdOn: '2026-11-27', entries }).replace('<GrpHdr>', `<!--${' '.repeat(MAX_REPORT_BYTES)}--><GrpHdr>`);
    expect(await problemsOf(padded)).toEqual([{ field: 'document', message: `larger than ${MAX_REPORT_BYTES} bytes: refused unread` }]);
  });

  it('refuses what is not a text at all', async () => {
    expect(await problemsOf(undefined as unknown as string)).toEqual([{ field: 'document', message: 'a bank report is an XML text' }]);
  });
});
