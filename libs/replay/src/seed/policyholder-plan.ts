import type { RulesVersion, StoppageKind } from '@ij/rules';
import { addDays, daysBetween, earlierOf } from './calendar';
import { generalChain, prescribedEndOf, pendingChain, sicknessDaysOf, straddlingChain, type GeneralKind } from './chain-shapes';
import { planChainStory } from './chain-story';
import { planCorrectionsHistory } from './corrections-cohort';
import { planLateFacts } from './late-facts';
import type { ChainSpec, PlannedAction } from './plan.types';
import type { Scenario } from './scenario';
import { SEED_ID_ROLES, seedId } from './seed-ids';
import { SeededRandom } from './seeded-random';
import { syntheticIban } from './synthetic-iban';
import { syntheticNir, type Sex } from './synthetic-nir';

export type Cohort = 'affectedStraddler' | 'otherStraddler' | 'pendingAdvance' | 'corrections' | 'general';

export interface PolicyholderPlan {
  index: number;
  nir: string;
  cohort: Cohort;
  /** The clerk who handles this policyholder's case files. */
  actorId: string;
  chains: ChainSpec[];
  /** Every command of the policyholder, in business-date order. */
  actions: PlannedAction[];
}

const CLERKS = 8;
/** Kept well below the 360 paid days over 3 years (R323-1), so that no advance ever exceeds what is due. */
const SICKNESS_DAYS_BUDGET = 300;
const LAST_GENERAL_START = '2026-08-31';
/** Room after the last day for a certificate, a settlement and its business dates before the scenario's today. */
const SETTLEMENT_MARGIN_DAYS = 16;
const RECOVERY_MARGIN_DAYS = 125;
const PENDING_FIRST_START = '2026-07-01';
const PENDING_LAST_START = '2026-09-10';

const FEMALE_KINDS: Readonly<Record<GeneralKind, number>> = {
  SICKNESS: 50, ALD_SICKNESS: 8, OCCUPATIONAL_ACCIDENT: 10, OCCUPATIONAL_DISEASE: 5, THERAPEUTIC_PART_TIME: 7, MATERNITY: 12, PATERNITY: 0,
};
const MALE_KINDS: Readonly<Record<GeneralKind, number>> = {
  SICKNESS: 52, ALD_SICKNESS: 8, OCCUPATIONAL_ACCIDENT: 14, OCCUPATIONAL_DISEASE: 6, THERAPEUTIC_PART_TIME: 8, MATERNITY: 0, PATERNITY: 12,
};
/** Draws the bank account from its own generator, so that adding it changed no other draw of the plan. */
const BANK_ACCOUNT_STREAM = 0xba4c;
const ALD_AFFECTIONS = ['ALD-5', 'ALD-8', 'ALD-12', 'ALD-23', 'ALD-30'];

/** Cohorts are dealt by position in each block of 20, so every population (even 50 people) has its share. */
export function cohortOf(index: number, scenario: Scenario): Cohort {
  const slot = (index * 7) % 20;
  const { affectedStraddlers, otherStraddlers, pendingAdvances, corrections } = scenario.cohortsPerTwenty;
  if (slot < affectedStraddlers) return 'affectedStraddler';
  if (slot < affectedStraddlers + otherStraddlers) return 'otherStraddler';
  if (slot < affectedStraddlers + otherStraddlers + pendingAdvances) return 'pendingAdvance';
  if (slot < affectedStraddlers + otherStraddlers + pendingAdvances + corrections) return 'corrections';
  return 'general';
}

export function planPolicyholder(index: number, seed: number, scenario: Scenario, rules: RulesVersion): PolicyholderPlan {
  const random = SeededRandom.for(seed, index);
  const cohort = cohortOf(index, scenario);
  const sex: Sex = random.chance(50) ? 'FEMALE' : 'MALE';
  const nir = syntheticNir(index, seed, sex, random);
  const actorId = `arpege-clerk-${String(random.integer(1, CLERKS)).padStart(2, '0')}`;
  const baseSalaryCents = baseSalaryOf(random, cohort);
  const salaryOf = (month: string) => monthlySalary(seed, index, baseSalaryCents, month);
  const corrections =
    cohort === 'corrections'
      ? planCorrectionsHistory(index, {
          random,
          rules,
          sex,
          salaryOf,
          aldAffectionId: random.pick(ALD_AFFECTIONS),
          caseId: (chainNumber) => seedId(SEED_ID_ROLES.caseFile, scenario.code, seed, index, chainNumber),
          stoppageId: (chainNumber, stoppageNumber) => seedId(SEED_ID_ROLES.stoppage, scenario.code, seed, index, chainNumber, stoppageNumber),
        })
      : undefined;
  const chains = corrections?.chains ?? planChains(random, cohort, sex, scenario);
  const actions = corrections?.actions ?? chains.flatMap((chain, chainNumber) =>
    planChainStory(chain, {
      random,
      rules,
      salaryOf,
      caseId: seedId(SEED_ID_ROLES.caseFile, scenario.code, seed, index, chainNumber),
      stoppageIds: chain.stoppages.map((_, stoppageNumber) => seedId(SEED_ID_ROLES.stoppage, scenario.code, seed, index, chainNumber, stoppageNumber)),
      today: scenario.today,
    }),
  );
  // Late facts after the whole story is planned, from their own generator (libs/replay/src/seed/late-facts.ts).
  actions.push(...planLateFacts(actions, seed, index, scenario.today));
  // A stable sort: commands of one day keep the order in which the story issued them.
  actions.sort((first, second) => (first.on < second.on ? -1 : first.on > second.on ? 1 : 0));
  const firstOpen = actions.findIndex((action) => action.type === 'open');
  if (firstOpen >= 0) {
    const { on, caseId } = actions[firstOpen];
    actions.splice(firstOpen + 1, 0, { type: 'bankAccount', on, caseId, iban: syntheticIban(SeededRandom.for(seed, index, BANK_ACCOUNT_STREAM)), holderName: `Arpège policyholder ${index}` });
  }
  return { index, nir, cohort, actorId, chains, actions };
}

function planChains(random: SeededRandom, cohort: Cohort, sex: Sex, scenario: Scenario): ChainSpec[] {
  const chains: ChainSpec[] = [];
  const aldAffectionId = random.pick(ALD_AFFECTIONS);
  let sicknessDaysLeft = SICKNESS_DAYS_BUDGET;
  let earliestStart = scenario.firstStartDate;
  let nextStart = addDays(scenario.firstStartDate, random.integer(0, 540));
  if (cohort === 'affectedStraddler' || cohort === 'otherStraddler') {
    const chain = cohort === 'affectedStraddler' ? affectedChain(random) : otherStraddlingChain(random, sex);
    chains.push(chain);
    sicknessDaysLeft -= sicknessDaysOf(chain);
    earliestStart = addDays(prescribedEndOf(chain), 30);
    nextStart = addDays(earliestStart, random.integer(0, 270));
  }
  const latestGeneralEnd = cohort === 'pendingAdvance' ? addDays(PENDING_FIRST_START, -SETTLEMENT_MARGIN_DAYS) : addDays(scenario.today, -SETTLEMENT_MARGIN_DAYS);
  const wanted = cohort === 'general' ? random.weighted({ one: 55, two: 32, three: 13 }) : random.weighted({ none: 50, one: 40, two: 10 });
  let count = { none: 0, one: 1, two: 2, three: 3 }[wanted];
  for (let attempt = 0; count > 0 && attempt < 6 && nextStart <= LAST_GENERAL_START; attempt++) {
    const kind = random.weighted(sex === 'FEMALE' ? FEMALE_KINDS : MALE_KINDS);
    const chain = generalChain(
      random,
      kind,
      { startDate: nextStart, latestEndDate: latestGeneralEnd, sicknessDaysLeft, recoveriesFitBy: addDays(scenario.today, -RECOVERY_MARGIN_DAYS) },
      aldAffectionId,
    );
    if (!chain) {
      // Did not fit before the end of the calendar: try earlier, never back into the previous chain.
      nextStart = addDays(earliestStart, random.integer(0, Math.max(0, daysBetween(earliestStart, nextStart))));
      continue;
    }
    chains.push(chain);
    sicknessDaysLeft -= sicknessDaysOf(chain);
    earliestStart = addDays(prescribedEndOf(chain), 20);
    nextStart = addDays(earliestStart, random.integer(0, 180));
    count -= 1;
  }
  if (cohort === 'pendingAdvance') chains.push(lastPendingChain(random, sex, chains, scenario));
  return chains.length > 0 ? chains : [fallbackChain(random, scenario)];
}

/** High earners (above 1.4 × SMIC ≈ 2 522.52 €): the 1.4 cap wrongly applied from April cuts their IJ. */
function affectedChain(random: SeededRandom): ChainSpec {
  if (random.chance(70)) return straddlingChain(random, 'SICKNESS');
  // The declared loss of earnings stays above 41.47 €, or it would hide the defect.
  return straddlingChain(random, 'THERAPEUTIC_PART_TIME', random.integer(4_500, 6_000));
}

/** Straddling too, but not hit by the defect: occupational, maternity, or sickness below the 1.4 cap. */
function otherStraddlingChain(random: SeededRandom, sex: Sex): ChainSpec {
  const kinds: StoppageKind[] = sex === 'FEMALE' ? ['OCCUPATIONAL_ACCIDENT', 'MATERNITY', 'SICKNESS', 'SICKNESS'] : ['OCCUPATIONAL_ACCIDENT', 'OCCUPATIONAL_DISEASE', 'SICKNESS', 'SICKNESS'];
  return straddlingChain(random, random.pick(kinds));
}

function lastPendingChain(random: SeededRandom, sex: Sex, earlier: ChainSpec[], scenario: Scenario): ChainSpec {
  const previousEnd = earlier.length > 0 ? prescribedEndOf(earlier[earlier.length - 1]) : PENDING_FIRST_START;
  const startDate = earlierOf(addDays(previousEnd > PENDING_FIRST_START ? previousEnd : PENDING_FIRST_START, random.integer(3, 60)), PENDING_LAST_START);
  const kind: StoppageKind = random.chance(15) ? (sex === 'FEMALE' ? 'OCCUPATIONAL_ACCIDENT' : 'PATERNITY') : random.chance(15) ? 'THERAPEUTIC_PART_TIME' : 'SICKNESS';
  const loss = kind === 'THERAPEUTIC_PART_TIME' ? random.integer(1_500, 6_000) : undefined;
  return pendingChain(random, kind, startDate, addDays(scenario.today, -SETTLEMENT_MARGIN_DAYS + 5), loss);
}

function fallbackChain(random: SeededRandom, scenario: Scenario): ChainSpec {
  const startDate = addDays(scenario.firstStartDate, random.integer(0, 400));
  return {
    kind: 'SICKNESS',
    stoppages: [{ startDate, endDate: addDays(startDate, random.integer(4, 20)), extendedTo: [] }],
    certificate: 'prompt',
    monthlyPayments: false,
    pendingAdvance: false,
  };
}

/** Gross monthly salaries from 1 500 € to 6 000 €; a share above the 1.4 (≈ 2 522 €) and 1.8 (≈ 3 243 €) × SMIC caps. */
function baseSalaryOf(random: SeededRandom, cohort: Cohort): number {
  if (cohort === 'affectedStraddler') return random.integer(270_000, 600_000);
  // Above the 2024 PMSS (3 864 €) and both sickness caps: the corrections' figures are the published maxima.
  if (cohort === 'corrections') return random.integer(400_000, 550_000);
  if (cohort === 'otherStraddler') return random.integer(150_000, 240_000);
  const band = random.weighted({ low: 45, middle: 25, high: 20, top: 10 });
  if (band === 'low') return random.integer(150_000, 250_000);
  if (band === 'middle') return random.integer(250_000, 320_000);
  if (band === 'high') return random.integer(320_000, 450_000);
  return random.integer(450_000, 600_000);
}

/** The same month always has the same salary for a policyholder, whichever certificate states it. */
function monthlySalary(seed: number, index: number, baseCents: number, month: string): number {
  const random = SeededRandom.for(seed, index, Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)));
  const variation = random.integer(-8_000, 12_000);
  const bonus = random.chance(8) ? random.integer(20_000, 80_000) : 0;
  return baseCents + variation + bonus;
}
