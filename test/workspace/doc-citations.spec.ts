import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The code cites the project's reference in docs/ (`ij-rules §3`, `ij-rules.md §2`, `docs/ij-rules.md §4`,
 * `api.md`, `api.md, "Replay figures"`, `style.md, "Money only through libs/money"`). This test finds every
 * such citation in the code, the tests, the benchmarks, README and docs/ itself, and fails when one names a
 * file that is not in docs/ or a section that the file does not have.
 */
const root = join(__dirname, '..', '..');
const docsDir = join(root, 'docs');
const scanned = ['apps', 'libs', 'test', 'bench', 'scripts', 'docs'];
const scannedFiles = ['README.md', 'eslint.config.mjs'];
const skippedDirs = new Set(['node_modules', 'dist', 'coverage', 'test-results', 'results', 'peers', 'fixtures']);
const extensions = /\.(ts|tsx|js|mjs|cjs|sh|md|html)$/u;

interface Citation {
  where: string;
  document: string;
  sections: string[];
  title?: string;
}

// `ij-rules` may omit `.md`; the other documents are always cited with it (`api` alone is a common word).
const DOCUMENT = String.raw`(?:docs\/)?(ij-rules(?:\.md)?|api\.md|style\.md|architecture\.md)`;
const SECTIONS = String.raw`((?:(?:\s*,\s*|\s+and\s+|\s*)§\s*\d+(?:\s*[–-]\s*\d+)?)*)`;
const TITLE = String.raw`(?:,\s*(?:decision\s+)?|\s*\(\s*)"([^"]+)"`;
const citationPattern = new RegExp(String.raw`(?<![\w/.-])${DOCUMENT}(?![\w-])(?:${SECTIONS})(?:${TITLE})?`, 'gu');

/** The citations in a text; `where` is the file and the line each starts on. */
export function citationsIn(text: string, file: string): Citation[] {
  const found: Citation[] = [];
  for (const match of text.matchAll(citationPattern)) {
    const document = match[1].endsWith('.md') ? match[1] : `${match[1]}.md`;
    const line = text.slice(0, match.index).split('\n').length;
    // a title broken over two comment lines (`\n * `) is read with one space
    const title = match[3]?.replace(/\s*\n\s*(?:\*|\/\/|#)?\s*/gu, ' ');
    found.push({ where: `${file}:${line}`, document, sections: sectionNumbers(match[2] ?? ''), title });
  }
  return found;
}

/** `§3–5` is §3, §4 and §5; `§2 and §4`, `§2, §3` are each of them. */
function sectionNumbers(text: string): string[] {
  const numbers: string[] = [];
  for (const [, first, last] of text.matchAll(/§\s*(\d+)(?:\s*[–-]\s*(\d+))?/gu)) {
    const end = last === undefined ? Number(first) : Number(last);
    for (let number = Number(first); number <= end; number++) numbers.push(String(number));
  }
  return numbers;
}

interface Headings {
  /** Numbered sections: the number, and the section's text up to the next heading of the same level or above. */
  numbers: Map<string, string>;
  titles: Set<string>;
}

/** Lower case, markdown emphasis and code marks removed, spaces collapsed. */
function plain(text: string): string {
  return text.replace(/[*`_]/gu, '').replace(/\s+/gu, ' ').toLowerCase();
}

function headingsOf(document: string): Headings | undefined {
  const path = join(docsDir, document);
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  const headings: Headings = { numbers: new Map(), titles: new Set() };
  const all = [...text.matchAll(/^(#{1,6})\s+(?:(\d+)\.\s+)?(.+?)\s*$/gmu)];
  all.forEach((heading, index) => {
    const [, level, number, title] = heading;
    headings.titles.add(plain(title));
    if (number === undefined) return;
    const next = all.slice(index + 1).find((other) => other[1].length <= level.length);
    headings.numbers.set(number, plain(text.slice(heading.index, next?.index)));
  });
  return headings;
}

/**
 * What is wrong with a citation, or nothing. A quote after a section number is a phrase of that section
 * (`ij-rules §2, "stoppages starting"`); a quote alone is a section's title (`api.md, "Replay figures"`).
 */
export function problemsOf(citation: Citation, headings: (document: string) => Headings | undefined = headingsOf): string[] {
  const found = headings(citation.document);
  if (!found) return [`${citation.where}: docs/${citation.document} does not exist`];
  const problems = citation.sections
    .filter((section) => !found.numbers.has(section))
    .map((section) => `${citation.where}: docs/${citation.document} has no §${section}`);
  if (citation.title === undefined) return problems;
  const quote = plain(citation.title);
  if (citation.sections.length === 0) {
    if (!found.titles.has(quote)) problems.push(`${citation.where}: docs/${citation.document} has no section "${citation.title}"`);
  } else if (!citation.sections.some((section) => found.numbers.get(section)?.includes(quote))) {
    problems.push(`${citation.where}: docs/${citation.document} §${citation.sections.join(', §')} does not say "${citation.title}"`);
  }
  return problems;
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return skippedDirs.has(name) ? [] : filesUnder(path);
    return extensions.test(name) && path !== __filename ? [path] : [];
  });
}

function allCitations(): Citation[] {
  const files = [...scanned.flatMap((directory) => filesUnder(join(root, directory))), ...scannedFiles.map((file) => join(root, file))];
  return files.flatMap((file) => citationsIn(readFileSync(file, 'utf8'), relative(root, file)));
}

describe('citations of docs/', () => {
  const citations = allCitations();

  it('finds the citations the code makes (ij-rules in the rules and the ledger, api.md in the apps)', () => {
    expect(citations.filter((citation) => citation.document === 'ij-rules.md').length).toBeGreaterThan(70);
    expect(citations.filter((citation) => citation.document === 'api.md').length).toBeGreaterThan(15);
  });

  it('every citation names a document of docs/ and sections it has', () => {
    const problems = [...new Set(citations.flatMap((citation) => problemsOf(citation)))];
    expect(problems).toEqual([]);
  });

  it('reads every form the code uses', () => {
    expect(citationsIn("'CSS R323-4; ij-rules §3 rounding decision'", 'x')).toEqual([{ where: 'x:1', document: 'ij-rules.md', sections: ['3'], title: undefined }]);
    expect(citationsIn('(ij-rules §2 and §4)', 'x')[0].sections).toEqual(['2', '4']);
    expect(citationsIn('(ij-rules §3–5).', 'x')[0].sections).toEqual(['3', '4', '5']);
    expect(citationsIn('docs/ij-rules.md §2, §3', 'x')[0]).toMatchObject({ document: 'ij-rules.md', sections: ['2', '3'] });
    expect(citationsIn('(api.md, "Replay figures"):', 'x')[0]).toMatchObject({ document: 'api.md', sections: [], title: 'Replay figures' });
    expect(citationsIn('(style.md, "Money only\n * through libs/money")', 'x')[0].title).toBe('Money only through libs/money');
    expect(citationsIn('the public HTTP API (api.md) with', 'x')[0]).toMatchObject({ document: 'api.md', sections: [] });
    expect(citationsIn('(ij-rules §4, decision "extensions keep the first stoppage\'s identity")', 'x')[0]).toMatchObject({ sections: ['4'], title: "extensions keep the first stoppage's identity" });
    expect(citationsIn('const api = openapi(); src/api.ts', 'x')).toEqual([]);
  });

  it('fails on a citation of a missing document, section or title', () => {
    const headings = (document: string): Headings | undefined =>
      document === 'ij-rules.md' ? { numbers: new Map([['1', 'vocabulary'], ['2', 'parameters: the smic']]), titles: new Set(['vocabulary']) } : undefined;
    expect(problemsOf(citationsIn('ij-rules §2', 'a.ts')[0], headings)).toEqual([]);
    expect(problemsOf(citationsIn('ij-rules §7', 'a.ts')[0], headings)).toEqual(['a.ts:1: docs/ij-rules.md has no §7']);
    expect(problemsOf(citationsIn('ij-rules.md, "Glossary"', 'a.ts')[0], headings)).toEqual(['a.ts:1: docs/ij-rules.md has no section "Glossary"']);
    expect(problemsOf(citationsIn('ij-rules §2, "the SMIC"', 'a.ts')[0], headings)).toEqual([]);
    expect(problemsOf(citationsIn('ij-rules §2, "the PASS"', 'a.ts')[0], headings)).toEqual(['a.ts:1: docs/ij-rules.md §2 does not say "the PASS"']);
    expect(problemsOf(citationsIn('see api.md §3', 'a.ts')[0], headings)).toEqual(['a.ts:1: docs/api.md does not exist']);
  });
});
