import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRulesVersion, type PolicyholderFacts, type RulesVersion } from '..';

/**
 * Proof that releasing 2026.3 (and moving the parameters into data files) changed nothing 2026.1 and 2026.2
 * compute. The fixture was written by the code of the previous release (commit 7473707, before issue 15):
 * 120 seeded policyholders (arpège and basic scenarios, 60 each, seed 7) as the ledger hands them to the
 * engine, with what that code computed under 2026.1 and 2026.2 through 2026-10-31, and the regularizations
 * stored in their streams. Today's engine must give the same statuses, cents and payable days. (That each stored
 * regularization reproduces with the version it recorded, on the facts of its day, is `ledger audit verify`'s
 * check, run after the replay in test/e2e/arpege-story.e2e.spec.ts.)
 */
interface Fixture {
  scenario: string;
  facts: PolicyholderFacts;
  regularizations: { stoppageId: string; through: string; rulesVersion: string; entitlementCents: number }[];
  amounts: Record<'2026.1' | '2026.2', [string, string, number | null, number | null][]>;
}

const fixtures = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'histories-computed-by-2026.2.json'), 'utf8')) as Fixture[];
const version = (name: string) => getRulesVersion(name) as RulesVersion;

describe('2026.1 and 2026.2 compute what they computed before 2026.3 was released', () => {
  it('covers a population with regularizations under both versions', () => {
    expect(fixtures).toHaveLength(120);
    const recorded = new Set(fixtures.flatMap((fixture) => fixture.regularizations.map((regularization) => regularization.rulesVersion)));
    expect([...recorded].sort()).toEqual(['2026.1', '2026.2']);
  });

  it.each(['2026.1', '2026.2'] as const)('%s: the same status, entitlement and payable days for every stoppage', (name) => {
    for (const fixture of fixtures) {
      const now = version(name)
        .computeEntitlementCents(fixture.facts, '2026-10-31')
        .map((entitlement) => [entitlement.stoppageId, entitlement.status, 'entitlementCents' in entitlement ? entitlement.entitlementCents : null, 'payableDays' in entitlement ? entitlement.payableDays : null]);
      expect(now).toEqual(fixture.amounts[name]);
    }
  });
});
