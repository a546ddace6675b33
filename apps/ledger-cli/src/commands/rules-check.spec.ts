import { releaseRulesVersion, RULES_DATA, RULES_VERSIONS, versionsFromData } from '@ij/rules';
import { rulesCheck } from './rules.command';

describe('ledger rules check: its exit code', () => {
  it('0 on the released versions, with their known gaps printed', () => {
    const lines: string[] = [];
    expect(rulesCheck(RULES_VERSIONS, false, (line) => lines.push(line))).toBe(0);
    expect(lines.filter((line) => line.startsWith('KNOWN_GAP'))).toHaveLength(4);
    expect(lines.at(-1)).toMatch(/^OK: 3 versions, \d+ checks, 0 failures, 4 known gaps$/u);
  });

  it('1 when a published maximum does not reproduce (2026 occupational day-29+ maximum 320.67 € instead of 320.66 €)', () => {
    const data = structuredClone(RULES_DATA) as { parameters: { key: string; values: { value: unknown }[] }[] };
    const occupational = data.parameters.find((file) => file.key === 'occupationalMaximumDailyAllowance') as { values: { value: unknown }[] };
    occupational.values[2].value = { upToDay28Cents: 24_049, fromDay29Cents: 32_067 };
    const lines: string[] = [];
    expect(rulesCheck(versionsFromData(data as typeof RULES_DATA).map(releaseRulesVersion), false, (line) => lines.push(line))).toBe(1);
    // 48 060 € × 0.834 % × 80 % = 320.656… → 320.66 €: one failure per version and per end of the open row.
    expect(lines.filter((line) => line.startsWith('FAILED '))).toHaveLength(3);
    expect(lines.at(-1)).toMatch(/^FAILED: 3 versions, \d+ checks, 3 failures, 4 known gaps$/u);
  });
});
