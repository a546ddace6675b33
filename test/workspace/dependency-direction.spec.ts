import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The one-way arrows between libs and apps (docs/architecture.md §6) are enforced by lint. This test lints
 * one-line fixtures placed, by file path only, in each part of the repository: an import against an arrow
 * must be an error of `no-restricted-imports`, an import along one must not. If the rule were dropped or
 * loosened in eslint.config.mjs, the first kind would stop failing and so would this test.
 */
const root = join(__dirname, '..', '..');

/**
 * ESLint's flat config is an ES module, which jest's CommonJS runtime cannot load: the fixtures are linted
 * in one child process with ESLint's own API (`lintText` with the fixture's path picks that path's rules).
 */
const LINT_FIXTURES = `
import { ESLint } from 'eslint';
const fixtures = JSON.parse(process.argv[1]);
const eslint = new ESLint({ cwd: process.cwd() });
const errors = [];
for (const { filePath, code } of fixtures) {
  const [result] = await eslint.lintText(code + '\\nexport const used = imported;\\n', { filePath });
  errors.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports' && m.severity === 2).map((m) => m.message));
}
process.stdout.write(JSON.stringify(errors));
`;

function restrictedImportErrors(fixtures: { filePath: string; code: string }[]): string[][] {
  const input = JSON.stringify(fixtures.map(({ filePath, code }) => ({ filePath: join(root, filePath), code })));
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', LINT_FIXTURES, input], { cwd: root, encoding: 'utf8' }));
}

const against: [string, string, string][] = [
  ['money imports nothing of ours', 'libs/money/src/fixture.ts', "import { imported } from '@ij/rules';"],
  ['rules does not import the ledger', 'libs/rules/src/fixture.ts', "import { imported } from '@ij/ledger';"],
  ['the ledger does not import the event store', 'libs/ledger/src/decisions/fixture.ts', "import { imported } from '@ij/event-store';"],
  ['nor reach into projections by a relative path', 'libs/ledger/src/decisions/fixture.ts', "import { imported } from '../../../projections/src/projector';"],
  ['the event store knows no domain', 'libs/event-store/src/sqlite/fixture.ts', "import { imported } from '@ij/ledger';"],
  ['nor money', 'libs/event-store/src/fixture.ts', "import { imported } from '@ij/money';"],
  ['projections does not import replay', 'libs/projections/src/fixture.ts', "import { imported } from '@ij/replay';"],
  ['the domain does not read bank files', 'libs/ledger/src/fixture.ts', "import { imported } from '@ij/bank-files';"],
  ['bank files know no domain', 'libs/bank-files/src/fixture.ts', "import { imported } from '@ij/ledger';"],
  ['a lib never imports an app', 'libs/replay/src/fixture.ts', "import { imported } from '../../../apps/ledger-api/src/app.module';"],
  ['the application layer knows no app', 'libs/application/src/fixture.ts', "import { imported } from '../../../apps/ledger-api/src/http/problem';"],
  ['no lower lib imports the application layer', 'libs/projections/src/fixture.ts', "import { imported } from '@ij/application';"],
  ['the CLI never imports the API', 'apps/ledger-cli/src/commands/fixture.ts', "import { imported } from '../../../ledger-api/src/app.module';"],
  ['the API never imports the CLI', 'apps/ledger-api/src/commands/fixture.ts', "import { imported } from '../../../ledger-cli/src/program';"],
];

const along: [string, string, string][] = [
  ['rules imports money', 'libs/rules/src/fixture.ts', "import { imported } from '@ij/money';"],
  ['the ledger imports rules', 'libs/ledger/src/fixture.ts', "import { imported } from '@ij/rules';"],
  ['projections imports the ledger and the event store', 'libs/projections/src/fixture.ts', "import { imported } from '@ij/event-store';"],
  ['bank files import money', 'libs/bank-files/src/fixture.ts', "import { imported } from '@ij/money';"],
  ['replay imports projections', 'libs/replay/src/fixture.ts', "import { imported } from '@ij/projections';"],
  ['the API imports replay', 'apps/ledger-api/src/fixture.ts', "import { imported } from '@ij/replay';"],
  ['the application layer imports replay', 'libs/application/src/fixture.ts', "import { imported } from '@ij/replay';"],
  ['the CLI imports the application layer', 'apps/ledger-cli/src/commands/fixture.ts', "import { imported } from '@ij/application';"],
  ['the API imports the application layer', 'apps/ledger-api/src/fixture.ts', "import { imported } from '@ij/application';"],
];

describe('dependency direction, enforced by lint', () => {
  const errors = restrictedImportErrors([...against, ...along].map(([, filePath, code]) => ({ filePath, code })));

  it.each(against.map((fixture, index) => [...fixture, index] as const))('%s: an error', (_, __, ___, index) => {
    expect(errors[index]).toHaveLength(1);
    expect(errors[index][0]).toMatch(/dependencies point one way|apps depend on libs/u);
  });

  it.each(along.map((fixture, index) => [...fixture, against.length + index] as const))('%s: allowed', (_, __, ___, index) => {
    expect(errors[index]).toEqual([]);
  });
});
