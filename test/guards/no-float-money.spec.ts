import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Amounts are integer cents and only libs/money multiplies, divides or rounds them (style.md, "Money only
 * through libs/money"). This guard reads every source file outside libs/money and fails on arithmetic
 * applied to a name that holds an amount. ESLint separately bans Math.round/ceil and parseFloat there.
 */
const root = join(__dirname, '..', '..');
const amountArithmetic = /\b\w*Cents\b\s*[*/%](?![*/])|[*/%]\s*\w*Cents\b/u;

/** The code of a line, without `// …`, `/* … *\/` or the inside of a block comment (a line starting with `*`). */
function withoutComments(line: string): string {
  return line.replace(/\/\*.*?\*\//gu, '').replace(/\/\/.*$|^\s*\/?\*.*$/u, '');
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('money guard', () => {
  it('finds no multiplication, division or modulo of an amount outside libs/money', () => {
    const offences = [...sourceFiles(join(root, 'libs')), ...sourceFiles(join(root, 'apps'))]
      .filter((path) => !relative(root, path).startsWith(join('libs', 'money')))
      .flatMap((path) =>
        readFileSync(path, 'utf8')
          .split('\n')
          .map((line, index) => ({ line: withoutComments(line), index }))
          .filter(({ line }) => amountArithmetic.test(line))
          .map(({ line, index }) => `${relative(root, path)}:${index + 1}: ${line.trim()}`),
      );
    expect(offences).toEqual([]);
  });

  it('recognises the arithmetic it is meant to catch', () => {
    expect(amountArithmetic.test('const total = dailyCents * days;')).toBe(true);
    expect(amountArithmetic.test('const half = amountCents / 2;')).toBe(true);
    expect(amountArithmetic.test('const total = Money.fromCents(dailyCents).times(days, "truncate");')).toBe(false);
    expect(amountArithmetic.test(withoutComments('/** entitlementCents − paidBeforeCents. */'))).toBe(false);
    expect(amountArithmetic.test(withoutComments('const x = 1; /* a */ const y = totalCents * 2;'))).toBe(true);
  });
});
