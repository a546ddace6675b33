import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBankReport } from './parse-bank-report';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8');

describe('a camt.054.001.08 notification on the fund account', () => {
  it('reports booked debits as SETTLED and the return as RETURNED with its reason; pending entries and incoming credits are not transfers', async () => {
    const report = await parseBankReport(fixture('camt054-booked-and-returned.xml'));

    expect(report.kind).toBe('camt.054');
    expect(report.messageId).toBe('CAMT054-20261127-0001');
    expect(report.entries).toEqual([
      // TxDtls/Amt "521.35" → 521 € and 35 cents → 52135.
      { endToEndId: 'pay-0001', outcome: 'SETTLED', amountCents: 52135, bookedOn: '2026-11-27' },
      // No TxDtls/Amt: AmtDtls/TxAmt "258.31" → 25831; DBIT taken from the entry (the batch of 779.66 = 521.35 + 258.31).
      { endToEndId: 'pay-0002', outcome: 'SETTLED', amountCents: 25831, bookedOn: '2026-11-27' },
      // The only transaction of its entry, no amount of its own: the entry's "300.00" → 30000; BookgDt/DtTm's date.
      {
        endToEndId: 'pay-0003',
        outcome: 'RETURNED',
        amountCents: 30000,
        bookedOn: '2026-11-27',
        reasonCode: 'AC04',
        reasonText: 'Compte clos depuis le 31/10/2026 & solde transfere',
      },
    ]);
  });

  it('reads a return coded PMNT/ICDT/RRTN without RtrInf as RETURNED without a reason', async () => {
    const xml = fixture('camt054-booked-and-returned.xml').replace(/<RtrInf>[\s\S]*?<\/RtrInf>/u, '');
    const report = await parseBankReport(xml);
    expect(report.entries.find((entry) => entry.endToEndId === 'pay-0003')).toEqual({
      endToEndId: 'pay-0003',
      outcome: 'RETURNED',
      amountCents: 30000,
      bookedOn: '2026-11-27',
    });
  });

  it('reads a document whose elements carry a namespace prefix', async () => {
    const prefixed = fixture('camt054-booked-and-returned.xml')
      .replace(/<(\/?)(?=[A-Z])/gu, '<$1c:')
      .replace('xmlns="urn:iso', 'xmlns:c="urn:iso');
    const report = await parseBankReport(prefixed);
    expect(report.entries.map((entry) => [entry.endToEndId, entry.outcome, entry.amountCents])).toEqual([
      ['pay-0001', 'SETTLED', 52135],
      ['pay-0002', 'SETTLED', 25831],
      ['pay-0003', 'RETURNED', 30000],
    ]);
  });
});
