import fc from 'fast-check';
import { LocalDate } from '@js-joda/core';
import { Money } from '@ij/money';
import { chainRootOf } from './chain-root';
import { RULES_2026_2 } from './versions/v2026-2';
import { facts, stoppageOfKind } from './test-support/facts';
import { STOPPAGE_KINDS, type PolicyholderFacts, type StoppageEntitlement, type StoppageFacts } from './rules.types';

const FIRST_START = LocalDate.parse('2024-02-01');
const date = (offset: number) => FIRST_START.plusDays(offset).toString();

const stoppageShape = fc.record({
  kind: fc.constantFrom(...STOPPAGE_KINDS),
  /** Days after the previous stoppage's end (the first one: after 2024-02-01). */
  startsAfter: fc.integer({ min: 1, max: 120 }),
  length: fc.integer({ min: 1, max: 90 }),
  earlyEndAfter: fc.option(fc.integer({ min: 0, max: 89 }), { nil: undefined }),
  prolongs: fc.boolean(),
  ald: fc.option(fc.constantFrom('diabetes', 'asthma'), { nil: undefined }),
  grossCents: fc.integer({ min: 0, max: 1_500_000 }),
  dailyLossOfEarningsCents: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
  accidentOnStart: fc.boolean(),
});

/** A policyholder history: stoppages in sequence, some prolonging the previous one (with a 1–4 day start offset). */
const histories = fc.array(stoppageShape, { minLength: 1, maxLength: 4 }).map((shapes): PolicyholderFacts => {
  let previousEnd = -1;
  const stoppages = shapes.map((shape, index) => {
    const start = previousEnd + (shape.prolongs && index > 0 ? Math.min(shape.startsAfter, 4) : shape.startsAfter);
    const end = start + shape.length - 1;
    previousEnd = end;
    return stoppageOfKind(shape.kind, {
      stoppageId: `s${index}`,
      startDate: date(start),
      endDate: date(end),
      grossCents: shape.grossCents,
      ...(shape.earlyEndAfter !== undefined ? { lastDay: date(start + Math.min(shape.earlyEndAfter, shape.length - 1)) } : {}),
      ...(shape.prolongs && index > 0 ? { prolongationOf: `s${index - 1}`, salaries: undefined } : {}),
      ...(shape.ald ? { aldAffectionId: shape.ald } : {}),
      ...(shape.dailyLossOfEarningsCents !== undefined ? { dailyLossOfEarningsCents: shape.dailyLossOfEarningsCents } : {}),
      ...(shape.accidentOnStart ? { accidentDate: date(start) } : {}),
    });
  });
  return facts.policyholder(...stoppages);
});
const throughOffset = fc.integer({ min: 0, max: 1_200 });
const entitlementCents = (entitlement: StoppageEntitlement) => (entitlement.status === 'COMPUTED' ? entitlement.entitlementCents : 0);
const compute = (history: PolicyholderFacts, through: string) => RULES_2026_2.computeEntitlements(history, through);

describe('properties of entitlements (rules 2026.2)', () => {
  it('entitlement never decreases as `through` grows', () =>
    fc.assert(
      fc.property(histories, throughOffset, throughOffset, (history, a, b) => {
        const before = compute(history, date(Math.min(a, b)));
        const after = compute(history, date(Math.max(a, b)));
        return before.every((entitlement, index) => entitlementCents(entitlement) <= entitlementCents(after[index]));
      }),
    ));

  it('never exceeds the published maximum daily IJ of its chain × its days', () =>
    fc.assert(
      fc.property(histories, throughOffset, (history, through) => {
        compute(history, date(through)).forEach((entitlement, index) => {
          if (entitlement.status !== 'COMPUTED') return;
          const stoppage = history.stoppages[index];
          const maximum = RULES_2026_2.maximumDailyAllowanceCents(stoppage.kind, chainRootOf(history, stoppage.stoppageId).startDate) ?? 0;
          const bound = Money.fromCents(maximum).times(entitlement.days.length, 'truncate').toCents();
          expect(entitlement.entitlementCents).toBeLessThanOrEqual(bound);
          entitlement.days.forEach((day) => expect(day.amountCents).toBeLessThanOrEqual(maximum));
        });
      }),
    ));

  it('no paid day outside its prescription (start … early end or end), nor after `through`', () =>
    fc.assert(
      fc.property(histories, throughOffset, (history, throughDay) => {
        const through = date(throughDay);
        compute(history, through).forEach((entitlement, index) => {
          if (entitlement.status === 'NO_PARAMETERS_FOR_DATE') return;
          const { startDate, endDate, lastDay } = history.stoppages[index];
          const lastDue = lastDay !== undefined && lastDay < endDate ? lastDay : endDate;
          for (const day of entitlement.days.filter((line) => line.paid)) {
            expect(day.date >= startDate && day.date <= lastDue && day.date <= through).toBe(true);
          }
          const paidSum = entitlement.days.reduce((total, day) => total.plus(Money.fromCents(day.amountCents)), Money.zero());
          if (entitlement.status === 'COMPUTED') expect(paidSum.toCents()).toBe(entitlement.entitlementCents);
        });
      }),
    ));

  it('is deterministic: the same facts, version and date give identical output', () =>
    fc.assert(
      fc.property(histories, throughOffset, (history, through) => {
        const copy: PolicyholderFacts = JSON.parse(JSON.stringify(history));
        expect(compute(copy, date(through))).toEqual(compute(history, date(through)));
      }),
    ));

  it('a stoppage extended in several steps gives the same days as one stoppage with the final end date', () =>
    fc.assert(
      fc.property(
        stoppageShape,
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }),
        throughOffset,
        (shape, pieceLengths, through) => {
          const start = shape.startsAfter;
          const end = start + pieceLengths.reduce((total, length) => total + length, 0) - 1;
          const common = { grossCents: shape.grossCents, dailyLossOfEarningsCents: shape.dailyLossOfEarningsCents, aldAffectionId: shape.ald };
          const whole = stoppageOfKind(shape.kind, { ...common, stoppageId: 'whole', startDate: date(start), endDate: date(end) });
          let pieceStart = start;
          const pieces: StoppageFacts[] = pieceLengths.map((length, index) => {
            const piece = stoppageOfKind(shape.kind, {
              ...common,
              stoppageId: `piece${index}`,
              startDate: date(pieceStart),
              endDate: date(pieceStart + length - 1),
              ...(index > 0 ? { prolongationOf: `piece${index - 1}`, salaries: undefined } : {}),
            });
            pieceStart += length;
            return piece;
          });
          const [one] = compute(facts.policyholder(whole), date(through));
          const several = compute(facts.policyholder(...pieces), date(through));
          if (one.status === 'NO_PARAMETERS_FOR_DATE') return several.every((entitlement) => entitlement.status === 'NO_PARAMETERS_FOR_DATE');
          const daysOfSeveral = several.flatMap((entitlement) => (entitlement.status === 'NO_PARAMETERS_FOR_DATE' ? [] : entitlement.days));
          expect(daysOfSeveral).toEqual(one.days);
          expect(several.reduce((total, entitlement) => total + entitlementCents(entitlement), 0)).toBe(entitlementCents(one));
          return true;
        },
      ),
    ));
});
