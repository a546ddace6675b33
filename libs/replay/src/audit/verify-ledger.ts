import type { EventStore } from '@ij/event-store';
import type { AuditReport } from './audit-report';
import { AuditVerifier } from './audit-verifier';

const PAGE_SIZE = 5_000;

export interface VerifyOptions {
  pageSize?: number;
  /** After each page: events checked so far, and the log's head position when the check started. */
  onProgress?: (progress: { eventsChecked: number; head: bigint; position: bigint }) => void;
}

/**
 * `audit verify` on the live store: reads the whole log once, in global order, up to the head it found at
 * the start, and gives every event to the AuditVerifier (the one `audit verify --file` uses too).
 * Memory holds one page and, per stream, its last hash and folded state.
 */
export async function verifyLedger(events: EventStore, options: VerifyOptions = {}): Promise<AuditReport> {
  const head = await events.headPosition();
  const verifier = new AuditVerifier();
  let position = 0n;
  for (;;) {
    const page = await events.readAll({ fromPosition: position, limit: options.pageSize ?? PAGE_SIZE });
    for (const event of page) {
      if (event.position > head) break;
      verifier.check(event);
      position = event.position;
    }
    options.onProgress?.({ eventsChecked: verifier.checked, head, position });
    if (page.length === 0 || position >= head) break;
  }
  return verifier.report();
}
