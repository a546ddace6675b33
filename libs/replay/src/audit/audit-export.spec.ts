import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ij/event-store';
import { auditExportLines, verifyAuditExport } from './audit-export';

const metadata = { actor: 'test', correlationId: 'c', causationId: 'c', recordedAt: '2025-12-01T12:00:00.000Z', schemaVersion: 1 };

/** The file checks of `audit verify --file` on streams of no domain (only policyholder streams are folded). */
describe('an audit export file', () => {
  let directory: string;
  let store: SqliteEventStore;
  let lines: string[];

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'ij-audit-export-'));
    store = await SqliteEventStore.open({ connection: join(directory, 'ledger.sqlite') });
    // positions 1 … 6: a0 b0 a1 b1 a2 b2
    for (let revision = 0; revision < 3; revision++) {
      for (const streamId of ['notes-a', 'notes-b']) {
        await store.append(streamId, [{ id: randomUUID(), type: 'Noted', data: { revision }, metadata }], { expectedRevision: revision === 0 ? 'no_stream' : revision - 1 });
      }
    }
    lines = [];
    for await (const line of auditExportLines(store, { exportedAt: '2026-11-29T08:00:00.000Z', pageSize: 4 })) lines.push(line);
  });
  afterAll(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('holds a header, the 6 events in order across pages of 4, and an end line; it verifies clean', async () => {
    expect(lines).toHaveLength(8);
    expect(lines.slice(1, -1).map((line) => JSON.parse(line).position)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(await verifyAuditExport(lines)).toEqual({ ok: true, streamsChecked: 2, eventsChecked: 6, regularizationsChecked: 0, failures: [] });
  });

  it('reports lines moved out of order at the stream and position of the line found too early', async () => {
    // b1 (position 4) moved before a1 (position 3)
    const moved = [lines[0], lines[1], lines[2], lines[4], lines[3], lines[5], lines[6], lines[7]];
    const report = await verifyAuditExport(moved);
    expect(report.failures).toEqual([expect.objectContaining({ streamId: 'notes-a', revision: 1, position: '3', kind: 'HASH_CHAIN', detail: expect.stringMatching(/comes before the previous line's 4/u) })]);
  });

  it('reports a repeated line by its stream revision, and the count', async () => {
    const report = await verifyAuditExport([...lines.slice(0, 3), lines[2], ...lines.slice(3)]);
    expect(report.ok).toBe(false);
    expect(report.failures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ streamId: 'notes-b', revision: 0, position: '2', kind: 'HASH_CHAIN', expected: { revision: 1 } }),
        expect.objectContaining({ kind: 'INCOMPLETE_EXPORT', detail: expect.stringMatching(/counts 6 events, the file holds 7/u) }),
      ]),
    );
  });

  it('reports a line that is not JSON, a missing header and a missing end line', async () => {
    expect((await verifyAuditExport([lines[0], '{"position": broken', ...lines.slice(2)])).failures).toEqual(
      expect.arrayContaining([expect.objectContaining({ streamId: '(export)', kind: 'UNREADABLE_EVENT', detail: 'line 2: not JSON' })]),
    );
    expect((await verifyAuditExport(lines.slice(1))).failures).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'INCOMPLETE_EXPORT', detail: expect.stringMatching(/^line 1: the export does not start with its header/u) })]),
    );
    expect((await verifyAuditExport(lines.slice(0, -1))).failures).toEqual([expect.objectContaining({ kind: 'INCOMPLETE_EXPORT', detail: expect.stringMatching(/no end line/u) })]);
  });
});
