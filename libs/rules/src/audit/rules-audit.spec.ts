import { checkRulesVersions, diffRulesVersions, getReleasedRulesVersion, releaseRulesVersion, RULES_DATA, RULES_VERSIONS, RulesDataInvalid, versionsFromData, type ReleasedRulesVersion } from '..';
import { expectComputed } from '../test-support/entitlements';
import { facts } from '../test-support/facts';

const released = (version: string) => getReleasedRulesVersion(version) as ReleasedRulesVersion;
/** A deep copy of the bundled data files, to change as a data change would. */
const dataCopy = () => structuredClone(RULES_DATA) as { parameters: { key: string; values: Record<string, unknown>[] }[]; fixed: unknown; versions: { versions: Record<string, unknown>[] } };
const parameterFile = (data: ReturnType<typeof dataCopy>, key: string) => data.parameters.find((file) => file.key === key) as { values: Record<string, unknown>[] };

describe('ledger rules check (ij-rules §2, §6)', () => {
  it('every published maximum of every version reproduces, every version is complete for its dates; 2026.1/2026.2 report their 2024 maternity gaps', () => {
    const findings = checkRulesVersions(RULES_VERSIONS);
    expect(findings.filter((finding) => finding.status === 'FAILED')).toEqual([]);
    expect(findings.filter((finding) => finding.status === 'KNOWN_GAP').map((finding) => [finding.version, finding.parameter])).toEqual([
      ['2026.1', 'MATERNITY_MAXIMUM_DAILY_ALLOWANCE'],
      ['2026.1', 'MATERNITY_MINIMUM_DAILY_ALLOWANCE'],
      ['2026.2', 'MATERNITY_MAXIMUM_DAILY_ALLOWANCE'],
      ['2026.2', 'MATERNITY_MINIMUM_DAILY_ALLOWANCE'],
    ]);
    // 95.22 € = 3 × 3 666 € × 0.79 ÷ 91.25 = 95.2155… (PMSS of 2023-12-31), checked at both ends of its row.
    expect(findings).toContainEqual({ version: '2026.3', status: 'OK', parameter: 'MATERNITY_MAXIMUM_DAILY_ALLOWANCE', message: expect.stringMatching(/^start 2024-01-31: 95,22.€ = 3.666,00.€ × 3 × 0.79 ÷ 91.25/u) });
  });

  it('fails a published maximum that does not reproduce (53.32 € instead of 53.31 €) and a version without a row for its dates', () => {
    const data = dataCopy();
    const sicknessMaximum = parameterFile(data, 'sicknessMaximumDailyAllowance');
    sicknessMaximum.values[2] = { ...sicknessMaximum.values[2], value: 5_332 };
    data.versions.versions[2] = { ...data.versions.versions[2], coversStartsFrom: '2023-06-01' };
    const findings = checkRulesVersions(versionsFromData(data).map(releaseRulesVersion)).filter((finding) => finding.status === 'FAILED');
    expect(findings).toContainEqual(expect.objectContaining({ version: '2026.1', parameter: 'SICKNESS_MAXIMUM_DAILY_ALLOWANCE', message: expect.stringMatching(/^start 2024-12-01: published 53,32.€ but .* gives 53,31.€/u) }));
    expect(findings).toContainEqual(expect.objectContaining({ version: '2026.3', parameter: 'PASS', message: 'no row from 2023-06-01 to 2023-12-31, and no known gap declared for it' }));
  });
});

describe('ledger rules diff', () => {
  it('2026.2 → 2026.3: three behaviour flags, and the rows of the prolongation gap, ALD period, 2024 maternity bounds, deductible CSG', () => {
    const diff = diffRulesVersions(released('2026.2'), released('2026.3'));
    expect(diff.behaviours).toEqual([
      { flag: 'prolongationAcrossKinds', from: 'OWN_CHAIN', to: 'THERAPEUTIC_PART_TIME_CONTINUES_FULL_TIME' },
      { flag: 'continuationCertificate', from: 'OWN_FIRST', to: 'CHAIN_UNLESS_OWN_COVERS' },
      { flag: 'aldLimit', from: 'PAID_DAYS_PER_AFFECTION', to: 'PERIOD_DATE_TO_DATE' },
    ]);
    expect(diff.parameters.map((change) => [change.parameter, change.removed.map((row) => row.from), change.added.map((row) => row.from)])).toEqual([
      ['MATERNITY_MAXIMUM_DAILY_ALLOWANCE', [], ['2024-01-01']],
      ['MATERNITY_MINIMUM_DAILY_ALLOWANCE', [], ['2024-01-01']],
      ['SOCIAL_CONTRIBUTIONS', ['2024-01-01'], ['2024-01-01']],
      ['PAID_DAYS_LIMITS', ['2024-01-01'], ['2024-01-01']],
    ]);
    const limits = diff.parameters.find((change) => change.parameter === 'PAID_DAYS_LIMITS');
    expect(limits?.added[0].value).toMatchObject({ prolongationMaximumStartAfterEndDays: 3, aldPeriodYears: 3, aldNewPeriodAfterUncoveredDays: 365 });
    expect(diff.fixed).toEqual([]);
  });

  it('2026.1 → 2026.2: only the sickness-cap flag', () => {
    const diff = diffRulesVersions(released('2026.1'), released('2026.2'));
    expect(diff.behaviours).toEqual([{ flag: 'sicknessCapSelectedBy', from: 'PAID_DAY_DATE', to: 'CHAIN_START_DATE' }]);
    expect(diff.parameters).toEqual([]);
  });
});

describe('parameters as data: a new SMIC is a data change and a version entry, no code change', () => {
  it('a hypothetical SMIC of 1 850.00 € from 2027-01-01 released in "2027.1" computes a sickness starting 2027-02-01; 2026.3 is unchanged', () => {
    // Test data, not a published figure. Cap 1.4 × 1 850.00 = 2 590.00 €; maximum 2 590.00 × 3 × 0.5 ÷ 91.25 = 42.575… → 42.58 €.
    const data = dataCopy();
    const checked = { source: 'test data set (hypothetical)', checkedOn: '2026-11-29', checkedAgainst: 'this test' };
    parameterFile(data, 'smicMonthly').values.push({ from: '2027-01-01', value: 185_000, releasedIn: '2027.1', ...checked });
    parameterFile(data, 'sicknessMaximumDailyAllowance').values.push({ from: '2027-02-01', value: 4_258, releasedIn: '2027.1', ...checked });
    data.versions.versions.push({ ...data.versions.versions[2], version: '2027.1', releasedOn: '2027-01-15', notes: 'SMIC of 2027-01-01' });
    const versions = versionsFromData(data).map(releaseRulesVersion);
    expect(checkRulesVersions(versions).filter((finding) => finding.status === 'FAILED')).toEqual([]);
    const highEarner = facts.policyholder(facts.sickness({ startDate: '2027-02-01', endDate: '2027-02-10', grossCents: 400_000 }));
    const [next] = (versions.find((version) => version.version === '2027.1') as ReleasedRulesVersion).computeEntitlements(highEarner, '2027-02-10');
    const [current] = (versions.find((version) => version.version === '2026.3') as ReleasedRulesVersion).computeEntitlements(highEarner, '2027-02-10');
    // 7 payable days (3 of carence): 7 × 42.58 = 298.06 € under 2027.1; 7 × 41.95 = 293.65 € under 2026.3 (2026 SMIC row).
    expect(expectComputed(next).entitlementCents).toBe(29_806);
    expect(expectComputed(current).entitlementCents).toBe(29_365);
    expect(diffRulesVersions(versions[2], versions[3]).parameters.map((change) => change.parameter)).toEqual(['SMIC_MONTHLY', 'SICKNESS_MAXIMUM_DAILY_ALLOWANCE']);
  });

  it('the schema refuses a bad data file with every problem listed', () => {
    const data = dataCopy();
    parameterFile(data, 'smicMonthly').values.push({ from: '2027-13-01', value: 1_850.5, source: '', checkedOn: 'yesterday', checkedAgainst: 'x', releasedIn: '2099.1' });
    (data.versions.versions[0].behaviour as Record<string, unknown>).aldLimit = 'FOREVER';
    (parameterFile(data, 'pmss') as Record<string, unknown>).valeus = [];
    let thrown: unknown;
    try {
      versionsFromData(data);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RulesDataInvalid);
    expect((thrown as RulesDataInvalid).problems).toEqual([
      'versions[0].behaviour.aldLimit: one of PAID_DAYS_PER_AFFECTION, PERIOD_DATE_TO_DATE is required',
      'smicMonthly.values[4].from: a string matching ^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$ is required',
      'smicMonthly.values[4].source: a non-empty string is required',
      'smicMonthly.values[4].checkedOn: a string matching ^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$ is required',
      'smicMonthly.values[4].releasedIn: no released version 2099.1',
      'smicMonthly.values[4].value: integer cents ≥ 0 is required',
      'pmss.valeus: unknown field',
    ]);
  });
});
