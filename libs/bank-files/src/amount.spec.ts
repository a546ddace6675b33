import fc from 'fast-check';
import { centsOf } from './amount';
import { amountText } from './amount-text';
import { InvalidBankReport, Problems } from './invalid-bank-report';

const euros = (written: string, currency = 'EUR') => ({ '#text': written, '@_Ccy': currency });

function read(written: string, currency?: string): number | InvalidBankReport {
  const problems = new Problems();
  const cents = centsOf(euros(written, currency), 'Amt', problems);
  try {
    problems.throwIfAny();
  } catch (error) {
    return error as InvalidBankReport;
  }
  return cents as number;
}

describe('ISO 20022 amounts in cents', () => {
  it('reads the decimal digits into cents: "0.07" → 7, "12" → 1200, "12.5" → 1250, "0012.50" → 1250', () => {
    expect(read('0.07')).toBe(7);
    expect(read('12')).toBe(1200);
    expect(read('12.5')).toBe(1250);
    expect(read('0012.50')).toBe(1250);
    expect(read('12.500')).toBe(1250);
  });

  it('refuses a third significant decimal, a non-decimal, a non-euro and an amount beyond exact integers', () => {
    expect(read('12.345')).toMatchObject({ problems: [{ field: 'Amt', message: '"12.345" has more than 2 decimals: not a whole number of cents' }] });
    expect(read('1e3')).toMatchObject({ problems: [{ message: '"1e3" is not a decimal amount' }] });
    expect(read('12.34', 'USD')).toMatchObject({ problems: [{ message: 'currency USD refused: the ledger pays in EUR only' }] });
    // 2^53 = 9007199254740992 cents; 90071992547409.93 € is 9007199254740993 cents, not exactly representable.
    expect(read('90071992547409.93')).toMatchObject({ problems: [{ message: '"90071992547409.93" is too large to be held exactly in cents' }] });
  });

  it('reads back exactly what it writes, for every safe amount in cents (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.maxSafeInteger().map((value) => Math.abs(value))), (cents) => {
        expect(read(amountText(cents, 'property'))).toBe(cents);
      }),
      { numRuns: 2000 },
    );
  });
});
