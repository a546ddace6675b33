import type { RecordedEvent } from '@ij/event-store';
import { evolve, upcast, type PolicyholderEvent, type PolicyholderState } from '@ij/ledger';
import { emptyDocument, toPolicyholderState, type PolicyholderDocument } from './policyholder-document';

const POLICYHOLDER_STREAM_PREFIX = 'policyholder-';

/** The policyholder a stream belongs to, or undefined for the other streams (stoppage ids, rules). */
export function policyholderOfStream(streamId: string): string | undefined {
  return streamId.startsWith(POLICYHOLDER_STREAM_PREFIX) ? streamId.slice(POLICYHOLDER_STREAM_PREFIX.length) : undefined;
}

/** The policyholders whose documents a batch changes, in first-seen order. */
export function policyholdersTouched(events: readonly RecordedEvent[]): string[] {
  const ids = new Set<string>();
  for (const event of events) {
    const policyholderId = policyholderOfStream(event.streamId);
    if (policyholderId !== undefined) ids.add(policyholderId);
  }
  return [...ids];
}

/**
 * Folds a batch into the documents it touches (loaded beforehand by the adapter) and returns the changed
 * documents. Pure: the same events over the same documents give the same rows, which is what makes a
 * rebuild equal to the incremental build.
 */
export function projectEvents(events: readonly RecordedEvent[], loaded: ReadonlyMap<string, PolicyholderDocument>): PolicyholderDocument[] {
  const changed = new Map<string, { document: PolicyholderDocument; state: PolicyholderState }>();
  for (const event of events) {
    const policyholderId = policyholderOfStream(event.streamId);
    if (policyholderId === undefined) continue;
    let entry = changed.get(policyholderId);
    if (!entry) {
      const document = loaded.get(policyholderId) ?? emptyDocument(policyholderId);
      entry = { document: { ...document, advancesRegularized: { ...document.advancesRegularized } }, state: toPolicyholderState(document) };
      changed.set(policyholderId, entry);
    }
    foldInto(entry, event);
  }
  return [...changed.values()].map(({ document, state }) => ({ ...document, stoppages: [...state.stoppages.values()] }));
}

/** Folds one stream's events, in revision order, into a fresh document (the rebuild's path). */
export function foldStream(policyholderId: string, events: readonly RecordedEvent[]): PolicyholderDocument {
  const entry = { document: emptyDocument(policyholderId), state: toPolicyholderState(emptyDocument(policyholderId)) };
  for (const event of events) foldInto(entry, event);
  return { ...entry.document, stoppages: [...entry.state.stoppages.values()] };
}

function foldInto(entry: { document: PolicyholderDocument; state: PolicyholderState }, event: RecordedEvent): void {
  const domainEvent = upcast(event.type, event.metadata.schemaVersion, event.data) as PolicyholderEvent;
  entry.state = evolve(entry.state, domainEvent);
  entry.document.lastPosition = event.position;
  if (domainEvent.type === 'StoppageRegularized') {
    const stoppage = entry.state.stoppages.get(domainEvent.data.stoppageId);
    if (stoppage) entry.document.advancesRegularized[stoppage.stoppageId] = stoppage.advances.length;
  }
}
