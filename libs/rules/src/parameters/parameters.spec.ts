import { LocalDate } from '@js-joda/core';
import { Money, toScaledDecimal } from '@ij/money';
import { lastDayOfPreviousMonth, toEpochDay } from '../dates';
import { valueOn, type Parameter } from '.';
import { PARAMETERS_2026 } from '../versions/v2026-2';

/**
 * Reproduces a published figure as the exact product of parameters, rounded half-up once:
 * cents × Π factors ÷ divisor, with no intermediate rounding (ij-rules §3: "the maxima are the exact
 * products rounded half-up").
 */
function exactProductHalfUp(cents: number, factors: string[], divisor = '1'): number {
  const product = factors.map((factor) => toScaledDecimal(factor)).reduce((a, b) => ({ amount: a.amount * b.amount, scale: a.scale + b.scale }));
  const { amount: divisorDigits, scale: divisorScale } = toScaledDecimal(divisor);
  expect(divisorScale).toBeLessThanOrEqual(product.scale);
  const numerator = Money.fromCents(cents).times(product.amount, 'truncate');
  return numerator.dividedBy({ amount: divisorDigits * 10 ** (product.scale - divisorScale), scale: 0 }, 'halfUp').toCents();
}

const on = <T>(parameter: Parameter<T>, date: string | number) => {
  const value = valueOn(parameter, typeof date === 'number' ? date : toEpochDay(date));
  if (!value) throw new Error(`no ${parameter.name} on ${date}`);
  return value.value;
};

/** Both ends of a row (the first day only when it is open-ended). */
const endsOf = (row: { from: string; to?: string }) => (row.to ? [row.from, row.to] : [row.from]);

describe('parameters (ij-rules §2)', () => {
  const p = PARAMETERS_2026;

  describe('published sickness maxima reproduce from SMIC × cap × 3 ÷ 91.25 × 50 % (R323-4, SMIC of the last day of the month before)', () => {
    it.each(p.sicknessMaximumDailyAllowance.values.flatMap((row) => endsOf(row).map((date) => [date, row.value] as const)))(
      'start %s → %i cents',
      (date, publishedCents) => {
        const smic = on(p.smicMonthly, lastDayOfPreviousMonth(toEpochDay(date)));
        const multiple = on(p.sicknessSalaryCapSmicMultiple, date);
        expect(exactProductHalfUp(smic, [multiple, '3', '0.5'], '91.25')).toBe(publishedCents);
      },
    );

    it('41.47 € = 1.4 × 1 801.80 × 3 ÷ 91.25 × 0.5 = 41.4661… half-up (hand computation in the issue)', () => {
      expect(exactProductHalfUp(180_180, ['1.4', '3', '0.5'], '91.25')).toBe(4_147);
    });
  });

  describe('published maternity / paternity maxima reproduce from PMSS × 3 ÷ 91.25 × 79 % (R331-5, PMSS of the last day of the month before)', () => {
    it.each(p.maternityMaximumDailyAllowance.values.flatMap((row) => endsOf(row).map((date) => [date, row.value] as const)))(
      'start %s → %i cents',
      (date, publishedCents) => {
        const pmss = on(p.pmss, lastDayOfPreviousMonth(toEpochDay(date)));
        expect(exactProductHalfUp(pmss, ['3', '0.79'], '91.25')).toBe(publishedCents);
      },
    );
  });

  describe('published occupational maxima reproduce from PASS × 0.834 % × 60 % / 80 % (R433-1, R433-2, PASS of the start date)', () => {
    it.each(p.occupationalMaximumDailyAllowance.values.flatMap((row) => endsOf(row).map((date) => [date, row.value] as const)))(
      'start %s',
      (date, published) => {
        const pass = on(p.pass, date);
        expect(exactProductHalfUp(pass, ['0.00834', '0.6'])).toBe(published.upToDay28Cents);
        expect(exactProductHalfUp(pass, ['0.00834', '0.8'])).toBe(published.fromDay29Cents);
      },
    );
  });

  // The maternity minima (11.02 € / 11.12 €) derive from the hourly SMIC (R331-5 minimum), which is not a
  // parameter of ij-rules.md: they are kept as published values and not cross-checked here.

  it('PASS is 12 × PMSS each year (data consistency)', () => {
    for (const row of p.pass.values) expect(row.value).toBe(on(p.pmss, row.from) * 12);
  });

  it('every dated parameter has contiguous rows, a source and a check date', () => {
    const dated = Object.values(p).filter((value): value is Parameter<unknown> => typeof value === 'object' && value !== null && 'values' in value);
    expect(dated.length).toBe(15);
    for (const parameter of dated) {
      parameter.values.forEach((row, index) => {
        expect(row.source.length).toBeGreaterThan(5);
        expect(row.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
        const next = parameter.values[index + 1];
        if (next) expect(LocalDate.parse(row.to ?? '').plusDays(1).toString()).toBe(next.from);
        else expect(row.to).toBeUndefined();
      });
    }
  });

  it('a date before every row has no value: never a guess', () => {
    expect(valueOn(p.sicknessMaximumDailyAllowance, toEpochDay('2023-12-31'))).toBeUndefined();
    expect(valueOn(p.maternityMaximumDailyAllowance, toEpochDay('2024-01-31'))).toBeUndefined();
    expect(valueOn(p.smicMonthly, toEpochDay('2023-04-30'))).toBeUndefined();
  });

  it('SMIC rule: a stoppage starting in January 2026 still uses the 2025 SMIC (R323-4)', () => {
    expect(on(p.smicMonthly, lastDayOfPreviousMonth(toEpochDay('2026-01-15')))).toBe(180_180);
    expect(on(p.smicMonthly, lastDayOfPreviousMonth(toEpochDay('2026-02-01')))).toBe(182_303);
  });

  it('is frozen: a released parameter cannot be edited', () => {
    expect(() => {
      (p.smicMonthly.values[0] as { value: number }).value = 1;
    }).toThrow(TypeError);
  });
});
