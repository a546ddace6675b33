import fc from 'fast-check';
import { LocalDate } from '@js-joda/core';
import { monthsBefore } from './dates';
import { toEntitlementCents } from './compute-entitlements';
import { RULES_VERSIONS } from './versions/registry';
import { facts, stoppageOfKind } from './test-support/facts';
import { STOPPAGE_KINDS, type PolicyholderFacts } from './rules.types';

/**
 * The cents-only path must answer exactly what the full path answers, less the day lines, phases and
 * steps: same statuses, cents, net cents, payable days, missing months and missing parameters.
 */
const FIRST_START = LocalDate.parse('2023-10-01');
const date = (offset: number) => FIRST_START.plusDays(offset).toString();

const stoppageShape = fc.record({
  kind: fc.constantFrom(...STOPPAGE_KINDS),
  startsAfter: fc.integer({ min: 1, max: 400 }),
  length: fc.integer({ min: 1, max: 400 }),
  earlyEndAfter: fc.option(fc.integer({ min: 0, max: 399 }), { nil: undefined }),
  prolongs: fc.boolean(),
  prolongationOffset: fc.integer({ min: -2, max: 5 }),
  ald: fc.option(fc.constantFrom('diabetes', 'asthma'), { nil: undefined }),
  grossCents: fc.integer({ min: 0, max: 2_000_000 }),
  /** none: no certificate; partial: one month short; own: a certificate even on a prolongation. */
  certificate: fc.constantFrom('default', 'default', 'default', 'none', 'partial', 'own'),
  dailyLossOfEarningsCents: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
  accidentOnStart: fc.boolean(),
});

const histories = fc.array(stoppageShape, { minLength: 1, maxLength: 6 }).map((shapes): PolicyholderFacts => {
  let previousStart = 0;
  let previousEnd = -1;
  const stoppages = shapes.map((shape, index) => {
    const prolongs = shape.prolongs && index > 0;
    const start = prolongs ? Math.max(previousStart, previousEnd + shape.prolongationOffset) : previousEnd + shape.startsAfter;
    const end = start + shape.length - 1;
    previousStart = start;
    previousEnd = end;
    const months = monthsBefore(date(start), shape.kind.startsWith('OCCUPATIONAL') ? 1 : 3);
    const certificate =
      shape.certificate === 'none'
        ? { salaries: undefined }
        : shape.certificate === 'partial'
          ? { salaries: months.slice(1).map((month) => ({ month, grossCents: shape.grossCents })) }
          : shape.certificate === 'own'
            ? { salaries: months.map((month) => ({ month, grossCents: shape.grossCents })) }
            : {};
    return stoppageOfKind(shape.kind, {
      stoppageId: `s${index}`,
      startDate: date(start),
      endDate: date(end),
      grossCents: shape.grossCents,
      ...(shape.earlyEndAfter !== undefined ? { lastDay: date(start + Math.min(shape.earlyEndAfter, shape.length - 1)) } : {}),
      ...(prolongs ? { prolongationOf: `s${index - 1}`, salaries: undefined } : {}),
      ...certificate,
      ...(shape.ald ? { aldAffectionId: shape.ald } : {}),
      ...(shape.dailyLossOfEarningsCents !== undefined ? { dailyLossOfEarningsCents: shape.dailyLossOfEarningsCents } : {}),
      ...(shape.accidentOnStart ? { accidentDate: date(start) } : {}),
    });
  });
  return facts.policyholder(...stoppages);
});

describe('computeEntitlementCents: the fast path gives exactly the cents of the full path', () => {
  for (const version of RULES_VERSIONS) {
    it(`rules ${version.version}: random histories, random through`, () =>
      fc.assert(
        fc.property(histories, fc.integer({ min: -30, max: 3_000 }), (history, throughOffset) => {
          const through = date(throughOffset);
          const full = version.computeEntitlements(history, through).map(toEntitlementCents);
          const fast = version.computeEntitlementCents(history, through);
          expect(fast).toStrictEqual(full);
        }),
        { numRuns: 400 },
      ));
  }

  it('covers every status', () => {
    const statuses = new Set<string>();
    const sample = fc.sample(fc.tuple(histories, fc.integer({ min: -30, max: 3_000 })), { numRuns: 400, seed: 42 });
    for (const version of RULES_VERSIONS) {
      for (const [history, throughOffset] of sample) {
        for (const entitlement of version.computeEntitlementCents(history, date(throughOffset))) statuses.add(entitlement.status);
      }
    }
    expect([...statuses].sort()).toEqual(['COMPUTED', 'MISSING_SALARY_CERTIFICATE', 'NO_PARAMETERS_FOR_DATE']);
  });
});
