import { GENESIS_HASH, type EventMetadata, type EventStore, type RecordedEvent } from '@ij/event-store';
import type { AuditFailure, AuditReport } from './audit-report';
import { AuditVerifier } from './audit-verifier';

/**
 * The audit export (`ledger audit export`): the whole log as JSON lines, one event a line in global order,
 * between a header line and an end line, so an auditor checks a copy with no database (`audit verify --file`).
 *
 *   {"format":"ij-ledger/audit-export","version":1,"headPosition":"1234","exportedAt":"…"}
 *   {"position":"1","streamId":"stoppage-…","revision":0,"id":"…","type":"…","data":{…},"metadata":{…,"hash":"…"},"hash":"…","previousHash":"000…"}
 *   …
 *   {"end":true,"events":1234,"headPosition":"1234"}
 *
 * `hash` is the event's stored hash (also in `metadata.hash`, which the hash does not cover); `previousHash`
 * its chain link: the hash of the event before it in its stream (64 zeros for a stream's first event).
 * Positions are strings: an EventStoreDB commit position may exceed what a JSON number holds exactly.
 */
export const AUDIT_EXPORT_FORMAT = 'ij-ledger/audit-export';
export const AUDIT_EXPORT_VERSION = 1;
const PAGE_SIZE = 5_000;

export interface AuditExportHeader {
  format: typeof AUDIT_EXPORT_FORMAT;
  version: number;
  headPosition: string;
  exportedAt: string;
}

export interface AuditExportEvent {
  position: string;
  streamId: string;
  revision: number;
  id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata & { hash: string };
  hash: string;
  previousHash: string;
}

export interface AuditExportEnd {
  end: true;
  events: number;
  headPosition: string;
}

export interface AuditExportOptions {
  /** When the export was taken (the caller's clock). */
  exportedAt: string;
  pageSize?: number;
  onProgress?: (progress: { events: number; head: bigint; position: bigint }) => void;
}

/** The export's lines (without newlines), read page by page up to the log's head when it starts: a consistent cut while the ledger serves. */
export async function* auditExportLines(events: EventStore, options: AuditExportOptions): AsyncGenerator<string> {
  const head = await events.headPosition();
  const header: AuditExportHeader = { format: AUDIT_EXPORT_FORMAT, version: AUDIT_EXPORT_VERSION, headPosition: head.toString(), exportedAt: options.exportedAt };
  yield JSON.stringify(header);
  const lastHashes = new Map<string, string>();
  let position = 0n;
  let count = 0;
  for (;;) {
    const page = await events.readAll({ fromPosition: position, limit: options.pageSize ?? PAGE_SIZE });
    for (const event of page) {
      if (event.position > head) break;
      yield JSON.stringify(exportEvent(event, lastHashes.get(event.streamId) ?? GENESIS_HASH));
      lastHashes.set(event.streamId, event.metadata.hash);
      position = event.position;
      count++;
    }
    options.onProgress?.({ events: count, head, position });
    if (page.length === 0 || position >= head) break;
  }
  const end: AuditExportEnd = { end: true, events: count, headPosition: head.toString() };
  yield JSON.stringify(end);
}

function exportEvent(event: RecordedEvent, previousHash: string): AuditExportEvent {
  return {
    position: event.position.toString(),
    streamId: event.streamId,
    revision: event.revision,
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    hash: event.metadata.hash,
    previousHash,
  };
}

/**
 * `audit verify --file`: the checks of `audit verify` (every chain, every regularization reproduced) on an
 * export's lines alone, plus the file's own: a header first, positions never decreasing, each line's `hash` equal
 * to its metadata's and its `previousHash` equal to the hash before it in its stream, and an end line that
 * counts every event (a removed last line is caught by the count). Failures about a line rather than an
 * event name the line, with streamId "(export)".
 */
export async function verifyAuditExport(lines: AsyncIterable<string> | Iterable<string>): Promise<AuditReport> {
  const verifier = new AuditVerifier();
  let lineNumber = 0;
  let header: AuditExportHeader | undefined;
  let end: AuditExportEnd | undefined;
  let events = 0;
  let lastPosition = -1n;
  const lineFailure = (detail: string, kind: AuditFailure['kind'] = 'INCOMPLETE_EXPORT') => verifier.fail({ streamId: '(export)', revision: -1, kind, detail: `line ${lineNumber}: ${detail}` });

  for await (const text of lines) {
    lineNumber++;
    if (text.trim() === '') continue;
    let line: unknown;
    try {
      line = JSON.parse(text);
    } catch {
      lineFailure('not JSON', 'UNREADABLE_EVENT');
      continue;
    }
    if (lineNumber === 1) {
      if (isHeader(line)) header = line;
      else lineFailure(`the export does not start with its header ({"format":"${AUDIT_EXPORT_FORMAT}","version":${AUDIT_EXPORT_VERSION},…})`);
      if (header) continue;
    }
    if (end) {
      lineFailure('a line after the end line');
      continue;
    }
    if (isEnd(line)) {
      end = line;
      continue;
    }
    const event = readEvent(line);
    if (typeof event === 'string') {
      lineFailure(event, 'UNREADABLE_EVENT');
      continue;
    }
    // Not decreasing (EventStoreDB gives the events of one append one position; a repeated line breaks its stream's revisions)
    if (event.position < lastPosition) {
      verifier.fail({ streamId: event.streamId, revision: event.revision, position: event.position.toString(), kind: 'HASH_CHAIN', detail: `line ${lineNumber}: position ${event.position} comes before the previous line's ${lastPosition}: lines were moved` });
    }
    lastPosition = event.position;
    if (event.metadata.hash !== (line as AuditExportEvent).hash) {
      verifier.fail({ streamId: event.streamId, revision: event.revision, position: event.position.toString(), kind: 'HASH_CHAIN', expected: event.metadata.hash, actual: (line as AuditExportEvent).hash, detail: `line ${lineNumber}: its hash is not the one in its metadata` });
    }
    verifier.check(event, (line as AuditExportEvent).previousHash);
    events++;
  }
  if (!header && lineNumber === 0) lineFailure('the file is empty');
  if (!end) lineFailure('the export has no end line: it was cut short');
  else if (end.events !== events) lineFailure(`the end line counts ${end.events} events, the file holds ${events}: lines were removed or added`);
  else if (header && end.headPosition !== header.headPosition) lineFailure(`the end line's head position ${end.headPosition} is not the header's ${header.headPosition}`);
  return verifier.report();
}

function isHeader(line: unknown): line is AuditExportHeader {
  const candidate = line as Partial<AuditExportHeader> | null;
  return typeof candidate === 'object' && candidate !== null && candidate.format === AUDIT_EXPORT_FORMAT && candidate.version === AUDIT_EXPORT_VERSION && typeof candidate.headPosition === 'string';
}

function isEnd(line: unknown): line is AuditExportEnd {
  const candidate = line as Partial<AuditExportEnd> | null;
  return typeof candidate === 'object' && candidate !== null && candidate.end === true && Number.isInteger(candidate.events) && typeof candidate.headPosition === 'string';
}

/** The recorded event of an export line, or why it is not one. */
function readEvent(line: unknown): RecordedEvent | string {
  const candidate = line as Partial<AuditExportEvent> | null;
  if (typeof candidate !== 'object' || candidate === null) return 'not an event';
  if (typeof candidate.position !== 'string' || !/^\d{1,30}$/u.test(candidate.position)) return 'no position';
  if (typeof candidate.streamId !== 'string' || !Number.isInteger(candidate.revision) || typeof candidate.id !== 'string' || typeof candidate.type !== 'string') {
    return 'an event needs streamId, revision, id and type';
  }
  if (typeof candidate.metadata !== 'object' || candidate.metadata === null || typeof candidate.metadata.hash !== 'string') return 'an event needs its metadata and hash';
  if (typeof candidate.hash !== 'string' || typeof candidate.previousHash !== 'string') return 'an event needs its hash and previousHash';
  return {
    id: candidate.id,
    streamId: candidate.streamId,
    revision: candidate.revision!,
    position: BigInt(candidate.position),
    type: candidate.type,
    data: candidate.data,
    metadata: candidate.metadata,
  };
}
