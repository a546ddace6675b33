import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidBankReport } from './invalid-bank-report';
import { parseBankReport } from './parse-bank-report';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8');

describe('a pain.002.001.11 status report on a pain.001', () => {
  it('reports RJCT transactions as REJECTED with their reason, ACSC as SETTLED, and ignores statuses still on the way (ACCP)', async () => {
    const report = await parseBankReport(fixture('pain002-rejections.xml'));

    expect(report).toEqual({
      messageId: 'PSR-20261127-42',
      kind: 'pain.002',
      entries: [
        // OrgnlTxRef/Amt/InstdAmt "155.41" → 15541; no AccptncDtTm: the report's CreDtTm date.
        { endToEndId: 'pay-0007', outcome: 'REJECTED', amountCents: 15541, bookedOn: '2026-11-27', reasonCode: 'AC01', reasonText: 'IBAN incorrect' },
        // "0.01" → 1 cent; AccptncDtTm 2026-11-26T16:00:00Z → 2026-11-26; no AddtlInf: no reasonText.
        { endToEndId: 'pay-0009', outcome: 'REJECTED', amountCents: 1, bookedOn: '2026-11-26', reasonCode: 'MD07' },
        // "300" (no decimals) → 30000.
        { endToEndId: 'pay-0010', outcome: 'SETTLED', amountCents: 30000, bookedOn: '2026-11-27' },
      ],
    });
  });

  it('takes a rejection status and reason from the payment information when the transaction has none', async () => {
    const xml = fixture('pain002-rejections.xml')
      .replace('<PmtInfSts>PART</PmtInfSts>', '<PmtInfSts>RJCT</PmtInfSts><StsRsnInf><Rsn><Cd>AM04</Cd></Rsn></StsRsnInf>')
      .replace('<TxSts>ACCP</TxSts>', '');
    const report = await parseBankReport(xml);
    expect(report.entries.find((entry) => entry.endToEndId === 'pay-0008')).toEqual({
      endToEndId: 'pay-0008',
      outcome: 'REJECTED',
      amountCents: 30000,
      bookedOn: '2026-11-27',
      reasonCode: 'AM04',
    });
  });

  it('refuses a rejection without the original amount, and a group rejected without naming its transactions', async () => {
    const withoutAmount = fixture('pain002-rejections.xml').replace('<OrgnlTxRef><Amt><InstdAmt Ccy="EUR">0.01</InstdAmt></Amt></OrgnlTxRef>', '');
    await expect(parseBankReport(withoutAmount)).rejects.toMatchObject({
      problems: [{ field: '/Document/CstmrPmtStsRpt/OrgnlPmtInfAndSts[1]/TxInfAndSts[3]/OrgnlTxRef/Amt/InstdAmt', message: 'amount missing' }],
    });
    const wholeGroup = fixture('pain002-rejections.xml')
      .replace(/<OrgnlPmtInfAndSts>[\s\S]*<\/OrgnlPmtInfAndSts>/u, '')
      .replace('<GrpSts>PART</GrpSts>', '<GrpSts>RJCT</GrpSts>');
    const refused = await parseBankReport(wholeGroup).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidBankReport);
    expect((refused as InvalidBankReport).problems).toEqual([
      { field: '/Document/CstmrPmtStsRpt/OrgnlGrpInfAndSts/GrpSts', message: expect.stringMatching(/without transaction statuses/u) },
    ]);
  });
});
