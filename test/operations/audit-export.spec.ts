import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeEventHash, type EventMetadata } from '@ij/event-store';
import { verifyAuditExport, type AuditReport } from '@ij/replay';
import { CLI_ENTRY } from '../production/cli-process';
import { startTestLedger, testNir, type TestLedger } from '../support/ledger-harness';
import { TEST_DATABASE_URL } from '../support/postgres';

/**
 * `ledger audit export --out FILE` from a serving ledger, then `ledger audit verify --file FILE` in an
 * environment where every database is unreachable: the file alone is verified. A tampered amount, a tampered
 * hash, a removed line are each caught, the report names the stream and the position, and the exit code is 1.
 */
const SALARIES = ['2025-03', '2025-04', '2025-05'].map((month) => ({ month, grossCents: 200_000 }));
/** Any database access would fail here: a PostgreSQL store on a closed port, a data directory that does not exist. */
const NO_DATABASE = { LEDGER_EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', LEDGER_DATA_DIR: '/nonexistent/ij-ledger' };

interface ExportLine {
  position: string;
  streamId: string;
  revision: number;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata & { hash: string };
  hash: string;
  previousHash: string;
}

function cli(args: string[], environment: Record<string, string>): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI_ENTRY, ...args], { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...environment }, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe.each(['sqlite', 'postgres'] as const)('audit export and offline verify on the %s store', (kind) => {
  let ledger: TestLedger;
  let directory: string;
  let exported: string;
  let lines: string[];

  beforeAll(async () => {
    ledger = await startTestLedger(kind);
    directory = mkdtempSync(join(tmpdir(), 'ij-audit-export-'));
    const stoppageId = randomUUID();
    await ledger.command('clerk', '/v1/stoppages', { stoppageId, nir: testNir(22_001 + (kind === 'sqlite' ? 0 : 1)), kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' }).expect(201);
    await ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, { amountCents: 30_000, reason: 'certificate pending' }).expect(201);
    await ledger.command('clerk', `/v1/stoppages/${stoppageId}/salary-certificate`, { salaries: SALARIES }).expect(200);
    await ledger.command('clerk', `/v1/stoppages/${stoppageId}/regularizations`, { through: '2025-06-29' }).expect(201);
    await ledger.command('supervisor', '/v1/rules/active', { version: '2026.1' }).expect(200);
    exported = join(directory, 'ledger-audit.jsonl');
    const storeEnvironment: Record<string, string> =
      kind === 'sqlite'
        ? { LEDGER_DATA_DIR: ledger.dataDirectory }
        : { LEDGER_EVENT_STORE: 'postgres', DATABASE_URL: TEST_DATABASE_URL, LEDGER_PG_SCHEMA: ledger.ledger.storage.schema!, LEDGER_DATA_DIR: ledger.dataDirectory };
    // taken while the ledger serves (its store open in this process)
    const run = cli(['audit', 'export', '--out', exported], storeEnvironment);
    expect(run.code).toBe(0);
    lines = readFileSync(exported, 'utf8').trimEnd().split('\n');
  });
  afterAll(async () => {
    await ledger?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const events = (): ExportLine[] => lines.slice(1, -1).map((line) => JSON.parse(line) as ExportLine);
  /** The CLI on the sqlite export; on the postgres one the same verifier in-process (the file check does not depend on the store, and a CLI start costs seconds here). */
  const verifyLines = async (altered: string[]): Promise<{ code: number | null; report: AuditReport }> => {
    if (kind === 'postgres') {
      const report = await verifyAuditExport(altered);
      return { code: report.ok ? 0 : 1, report };
    }
    const file = join(directory, `altered-${randomUUID()}.jsonl`);
    writeFileSync(file, `${altered.join('\n')}\n`);
    const run = cli(['audit', 'verify', '--file', file, '--json'], NO_DATABASE);
    return { code: run.code, report: JSON.parse(run.stdout) as AuditReport };
  };
  const lineOf = (type: string) => lines.findIndex((line, index) => index > 0 && (JSON.parse(line) as ExportLine).type === type);

  it('writes a header, every event with its hash and chain link, and an end line that counts them', () => {
    // 9 events in 3 streams: stoppage-<id> (reservation), policyholder-<id> (opened, advance and its transfer,
    // certificate, regularization, payment ordered and its transfer), rules (activation)
    expect(JSON.parse(lines[0])).toEqual({ format: 'ij-ledger/audit-export', version: 1, headPosition: expect.stringMatching(/^\d+$/u), exportedAt: expect.any(String) });
    expect(JSON.parse(lines[lines.length - 1])).toEqual({ end: true, events: 9, headPosition: JSON.parse(lines[0]).headPosition });
    const all = events();
    expect(all.map((event) => event.type)).toEqual(['StoppageIdReserved', 'StoppageOpened', 'AdvanceIssued', 'TransferOrdered', 'SalaryCertificateRecorded', 'StoppageRegularized', 'PaymentOrdered', 'TransferOrdered', 'RulesVersionActivated']);
    expect(all.map((event) => BigInt(event.position))).toEqual(all.map((event) => BigInt(event.position)).sort((a, b) => (a < b ? -1 : 1)));
    const lastHash = new Map<string, string>();
    for (const event of all) {
      expect(event.hash).toBe(event.metadata.hash);
      expect(event.previousHash).toBe(lastHash.get(event.streamId) ?? '0'.repeat(64));
      lastHash.set(event.streamId, event.hash);
    }
  });

  it('verifies clean from the file alone, with no database reachable (exit 0)', () => {
    const run = cli(['audit', 'verify', '--file', exported], NO_DATABASE);
    expect(run.stdout).toMatch(/^OK: 3 streams, 9 events, 1 regularizations reproduced; 0 failures/u);
    expect(run.code).toBe(0);
  });

  it('catches a tampered amount, names its stream and position, and the regularization it no longer explains (exit 1)', async () => {
    const index = lineOf('AdvanceIssued');
    const advance = JSON.parse(lines[index]) as ExportLine;
    const altered = [...lines];
    altered[index] = JSON.stringify({ ...advance, data: { ...advance.data, amountCents: 3_000 } });
    const { code, report } = await verifyLines(altered);
    expect(code).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.failures).toEqual([
      expect.objectContaining({ streamId: advance.streamId, revision: advance.revision, position: advance.position, kind: 'HASH_CHAIN', actual: advance.hash }),
      // the regularization paid 55 879 − 30 000 before; with a 3 000 advance it would have paid before 3 000
      expect.objectContaining({ streamId: advance.streamId, kind: 'REGULARIZATION_MISMATCH', expected: expect.objectContaining({ paidBeforeCents: 3_000 }) }),
      // and the allowances the ledger now says it paid (3 000 + 25 879) are not what its transfers carry (30 000 + 25 879)
      expect.objectContaining({ streamId: advance.streamId, kind: 'UNRECONCILED_DISBURSEMENTS', expected: { unreconciledCents: 0 }, actual: expect.objectContaining({ unreconciledCents: -27_000 }) }),
    ]);
  });

  it('catches a regularization rewritten with every hash and chain link after it recomputed: it is not reproduced (exit 1)', async () => {
    const index = lineOf('StoppageRegularized');
    const regularization = JSON.parse(lines[index]) as ExportLine;
    const altered = [...lines];
    // the forger rewrites the figures, then re-hashes this event and every later one of its stream
    let previousHash = regularization.previousHash;
    for (let at = index; at < lines.length - 1; at++) {
      const event = JSON.parse(altered[at]) as ExportLine;
      if (event.streamId !== regularization.streamId) continue;
      const data = at === index ? { ...event.data, entitlementCents: 60_000, deltaCents: 30_000, paymentCents: 30_000 } : event.data;
      const hash = computeEventHash(previousHash, { type: event.type, data, metadata: event.metadata });
      altered[at] = JSON.stringify({ ...event, data, metadata: { ...event.metadata, hash }, hash, previousHash });
      previousHash = hash;
    }
    const { code, report } = await verifyLines(altered);
    expect(code).toBe(1);
    // 20 days − 3 of carence = 17 × 32.87 € = 558.79 € (daily base 6 000 € / 91.25 = 65.75 €, IJ 50 % truncated);
    // 30 000 advanced before: delta 25 879
    expect(report.failures).toEqual([
      expect.objectContaining({
        streamId: regularization.streamId, revision: regularization.revision, position: regularization.position, kind: 'REGULARIZATION_MISMATCH',
        expected: { entitlementCents: 55_879, deltaCents: 25_879, paymentCents: 25_879 },
        actual: { entitlementCents: 60_000, deltaCents: 30_000, paymentCents: 30_000 },
      }),
    ]);
  });

  it('catches a tampered hash and names its stream and position (exit 1)', async () => {
    const index = lineOf('SalaryCertificateRecorded');
    const certificate = JSON.parse(lines[index]) as ExportLine;
    const forged = 'f'.repeat(64);
    const altered = [...lines];
    altered[index] = JSON.stringify({ ...certificate, hash: forged, metadata: { ...certificate.metadata, hash: forged } });
    const { code, report } = await verifyLines(altered);
    expect(code).toBe(1);
    expect(report.failures[0]).toEqual(expect.objectContaining({ streamId: certificate.streamId, revision: certificate.revision, position: certificate.position, kind: 'HASH_CHAIN', expected: certificate.hash, actual: forged }));
  });

  it('catches a removed line: the gap in its stream, at the position after it, and the end line count (exit 1)', async () => {
    const index = lineOf('AdvanceIssued');
    const removed = JSON.parse(lines[index]) as ExportLine;
    const next = events().find((event) => event.streamId === removed.streamId && event.revision === removed.revision + 1)!;
    const { code, report } = await verifyLines(lines.filter((_line, at) => at !== index));
    expect(code).toBe(1);
    expect(report.failures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ streamId: removed.streamId, revision: next.revision, position: next.position, kind: 'HASH_CHAIN', expected: { revision: removed.revision }, actual: { revision: next.revision } }),
        expect.objectContaining({ streamId: '(export)', kind: 'INCOMPLETE_EXPORT', detail: expect.stringMatching(/counts 9 events, the file holds 8/u) }),
      ]),
    );
  });

  it('catches a removed last line through the end line count (exit 1)', async () => {
    const { code, report } = await verifyLines([...lines.slice(0, -2), lines[lines.length - 1]]);
    expect(code).toBe(1);
    expect(report.failures).toEqual([expect.objectContaining({ kind: 'INCOMPLETE_EXPORT', detail: expect.stringMatching(/counts 9 events, the file holds 8/u) })]);
  });
});
