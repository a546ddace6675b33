import { foldEvents, upcast, type PolicyholderEvent, type PolicyholderState } from '@ij/ledger';
import { getRulesVersion, type RulesVersion } from '@ij/rules';
import { isNoteworthy, replayPolicyholder, type ReplayRow } from '../replay-row';
import { decidePolicyholderHistory } from './policyholder-history';
import { cohortOf, planPolicyholder } from './policyholder-plan';
import { correctionCaseOf, CORRECTION_CASES, type CorrectionCase } from './corrections-cohort';
import { ARPEGE } from './scenario';

/**
 * The replay of rules 2026.3 over the seeded Arpège histories the corrections change (corrections-cohort.ts),
 * against the active 2026.1, as `ledger replay --rules 2026.3` computes it. Every correction moves amounts;
 * sampled rows match figures worked out by hand. 120 policyholders hold one history of each case.
 */
const ACTIVE = getRulesVersion('2026.1') as RulesVersion;
const FIXED = getRulesVersion('2026.2') as RulesVersion;
const CORRECTED = getRulesVersion('2026.3') as RulesVersion;
const SEED = 5;

interface Seeded {
  correction: CorrectionCase;
  state: PolicyholderState;
}

function seededCorrections(policyholders: number): Seeded[] {
  const seeded: Seeded[] = [];
  for (let index = 0; index < policyholders; index += 1) {
    if (cohortOf(index, ARPEGE) !== 'corrections') continue;
    const plan = planPolicyholder(index, SEED, ARPEGE, ACTIVE);
    const history = decidePolicyholderHistory(plan, { policyholderId: `ph-${index}`, rules: ACTIVE, keyPrefix: 'corrections', scenarioCode: ARPEGE.code, seed: SEED });
    const events = history.appends.at(-1)?.events ?? [];
    const state = foldEvents(events.map((event) => upcast(event.type, event.metadata.schemaVersion, event.data) as PolicyholderEvent));
    seeded.push({ correction: correctionCaseOf(index), state });
  }
  return seeded;
}

const rowsOf = (seeded: Seeded, through = ARPEGE.today, current = ACTIVE): ReplayRow[] => replayPolicyholder('ph', seeded.state, { current, replayed: CORRECTED }, through);
const stoppagesOf = (seeded: Seeded) => [...seeded.state.stoppages.values()];

describe('replaying 2026.3 over the seeded histories of the corrections (ij-rules 2026-11)', () => {
  const seeded = seededCorrections(120);
  const ofCase = (correction: CorrectionCase) => seeded.filter((one) => one.correction === correction);

  it('holds every case, deterministically', () => {
    expect(seeded.map((one) => one.correction)).toEqual([...CORRECTION_CASES]);
    expect(seededCorrections(120).map((one) => rowsOf(one))).toEqual(seeded.map((one) => rowsOf(one)));
  });

  it('the 2026.2 fix changes none of them: only 2026.3 does', () => {
    for (const one of seeded) expect(replayPolicyholder('ph', one.state, { current: ACTIVE, replayed: FIXED }, ARPEGE.today).filter(isNoteworthy)).toEqual([]);
  });

  it.each(CORRECTION_CASES.filter((correction) => correction !== 'longTermIllness'))('%s: the diff through the scenario’s today is not empty', (correction) => {
    const rows = ofCase(correction).flatMap((one) => rowsOf(one).filter(isNoteworthy));
    expect(rows.length).toBeGreaterThan(0);
  });

  it('weekend prolongation of a sickness stoppage: no second carence, 3 × 41.47 = 124.41 € more (R323-1; the 1.4 × SMIC cap binds: the published 41.47 €)', () => {
    const [one] = ofCase('weekendSickness');
    const [root, prolongation] = stoppagesOf(one);
    expect(prolongation.prolongationOf).toBe(root.stoppageId);
    const rows = rowsOf(one).filter(isNoteworthy);
    expect(rows).toEqual([expect.objectContaining({ stoppageId: prolongation.stoppageId, kind: 'SICKNESS', deltaCents: 12_441, settlementCents: 12_441 })]);
  });

  it('weekend prolongation of an occupational accident: the day count continues, days 29+ at 80 % — more than under 2026.1', () => {
    const rows = ofCase('weekendAccident').flatMap((one) => rowsOf(one).filter(isNoteworthy));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'OCCUPATIONAL_ACCIDENT' });
    expect(rows[0].deltaCents).toBeGreaterThan(0);
  });

  it.each(['partTimeAfterSickness', 'partTimeAfterAccident'] as const)('%s: the chain’s salaries and rates, capped at the daily loss: 42 days × the loss', (correction) => {
    const [one] = ofCase(correction);
    const partTime = stoppagesOf(one).find((stoppage) => stoppage.kind === 'THERAPEUTIC_PART_TIME');
    if (!partTime?.dailyLossOfEarningsCents) throw new Error('no part-time in the history');
    // The chain's daily IJ (41.47 € for the sickness, ≥ 60 % × 3 920 ÷ 30.42 = 77.31 € for the accident) is above every
    // loss the seed declares (≤ 40.00 € / ≤ 60.00 €): each of the 42 days is paid the loss itself (ij-rules §3).
    const loss = partTime.dailyLossOfEarningsCents;
    const [row] = rowsOf(one).filter(isNoteworthy);
    expect(row).toMatchObject({ stoppageId: partTime.stoppageId, kind: 'THERAPEUTIC_PART_TIME', replayedCents: 42 * loss });
    // Under 2026.1 its own chain's reference months are months of the full-time stoppage: less salary, less IJ.
    expect(row.currentCents).toBeLessThan(row.replayedCents);
  });

  it('a leave started in 2024: 2026.1 cannot compute it, 2026.3 pays the 2024 maximum 100.36 € a day (PMSS 3 864 € binds on every month, R331-5)', () => {
    const [one] = ofCase('leaveIn2024');
    const [leave] = stoppagesOf(one);
    const days = leave.kind === 'MATERNITY' ? 112 : 25;
    // 112 × 100.36 = 11 240.32 €; 25 × 100.36 = 2 509.00 €.
    const [row] = rowsOf(one);
    expect(row).toMatchObject({ currentCents: 0, replayedCents: days * 10_036, entitlementStatus: 'COMPUTED' });
    expect(row.settlementCents).toBe(row.replayedCents - row.paidCents);
    expect(row.paidCents).toBeGreaterThan(0);
  });

  it('a long-term illness beyond 3 years: nothing differs through 2026-10-31; through 2027-06-30, 35 days × 32.87 = 1 150.45 € less (L323-1 1°, R323-1 2°)', () => {
    const [one] = ofCase('longTermIllness');
    expect(rowsOf(one).filter(isNoteworthy)).toEqual([]);
    // First paid day 2024-01-11 (carence 2024-01-08 … 10): the period ends 2027-01-10 under 2026.3. Under 2026.1 / 2026.2,
    // 234 days paid in 2024-01-11 … 08-31 leave 861 of the 1 095 from 2024-10-07: paid through 2027-02-14.
    // 2027-01-11 … 02-14 = 21 + 14 = 35 days at 32.87 € (2 000 € a month: SJB 65.75 €, no cap binds).
    const later = rowsOf(one, '2027-06-30').filter(isNoteworthy);
    const running = stoppagesOf(one).find((stoppage) => stoppage.endDate === '2027-06-30');
    expect(later).toEqual([expect.objectContaining({ stoppageId: running?.stoppageId, deltaCents: -115_045 })]);
  });
});
