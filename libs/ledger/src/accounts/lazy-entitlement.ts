import type { PolicyholderFacts, RulesVersion, StoppageEntitlement, StoppageEntitlementCents } from '@ij/rules';

/**
 * The entitlements of every stoppage through `through`, computed on the rules engine's cents-only path.
 * Each one has every field of the full entitlement, in the same order: the status, cents, payable days
 * and missing months at once; the day lines, phases, daily base and explanation steps, which most callers
 * never read, are computed (once, for all the stoppages) the first time one of them is read. Reading,
 * spreading, comparing or serialising an entitlement gives exactly what computeEntitlements gives.
 */
export function entitlementsWithLazyDetail(rules: RulesVersion, facts: PolicyholderFacts, through: string): StoppageEntitlement[] {
  const cents = rules.computeEntitlementCents(facts, through);
  let full: StoppageEntitlement[] | undefined;
  const detail = (index: number): StoppageEntitlement => {
    full ??= rules.computeEntitlements(facts, through);
    return full[index];
  };
  return cents.map((entitlement, index) => lazyEntitlement(entitlement, () => detail(index)));
}

/** The keys of a full entitlement in the order the rules engine writes them; `null` marks a detail computed on demand. */
const COMPUTED_KEYS = ['status', 'stoppageId', 'kind', 'rulesVersion', 'through', 'dailyBaseCents', 'phases', 'days', 'payableDays', 'entitlementCents', 'netEntitlementCents', 'steps'] as const;
const MISSING_KEYS = ['status', 'stoppageId', 'kind', 'rulesVersion', 'through', 'missingMonths', 'days', 'payableDays', 'steps'] as const;
const DETAIL_KEYS: ReadonlySet<string> = new Set(['phases', 'days', 'steps']);

function lazyEntitlement(cents: StoppageEntitlementCents, detail: () => StoppageEntitlement): StoppageEntitlement {
  if (cents.status === 'NO_PARAMETERS_FOR_DATE') return cents;
  const keys = cents.status === 'COMPUTED' ? COMPUTED_KEYS : MISSING_KEYS;
  const view: Record<string, unknown> = {};
  const source = cents as unknown as Record<string, unknown>;
  for (const key of keys) {
    if (!DETAIL_KEYS.has(key)) {
      view[key] = source[key];
      continue;
    }
    Object.defineProperty(view, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = (detail() as unknown as Record<string, unknown>)[key];
        Object.defineProperty(view, key, { value, enumerable: true, configurable: true, writable: true });
        return value;
      },
      set(value: unknown) {
        Object.defineProperty(view, key, { value, enumerable: true, configurable: true, writable: true });
      },
    });
  }
  return view as unknown as StoppageEntitlement;
}
