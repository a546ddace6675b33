import type { RecordedEvent } from '@ij/event-store';
import { evolve, upcast, type PolicyholderEvent, type PolicyholderState } from '@ij/ledger';
import { emptyDocument, stateFields, toPolicyholderState, type PolicyholderDocument } from './policyholder-document';

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
  return [...changed.values()].map(({ document, state }) => ({ ...document, ...stateFields(state) }));
}

/** Folds one stream's events, in revision order, into a fresh document (the rebuild's path). */
export function foldStream(policyholderId: string, events: readonly RecordedEvent[]): PolicyholderDocument {
  const entry = { document: emptyDocument(policyholderId), state: toPolicyholderState(emptyDocument(policyholderId)) };
  for (const event of events) foldInto(entry, event);
  return { ...entry.document, ...stateFields(entry.state) };
}

/** A document being folded: the domain state and what the projection remembers besides. */
export interface FoldingDocument {
  document: PolicyholderDocument;
  state: PolicyholderState;
}

export function startFolding(policyholderId: string): FoldingDocument {
  return { document: emptyDocument(policyholderId), state: toPolicyholderState(emptyDocument(policyholderId)) };
}

/** The folded document, as projectEvents and foldStream give it. */
export function foldedDocument({ document, state }: FoldingDocument): PolicyholderDocument {
  return { ...document, ...stateFields(state) };
}

function foldInto(entry: FoldingDocument, event: RecordedEvent): void {
  foldEventInto(entry, event.type, event.metadata.schemaVersion, event.data, event.position);
}

/** Folds one stored event, given by the parts the fold reads (the rebuild reads only these from the log). */
export function foldEventInto(entry: FoldingDocument, type: string, schemaVersion: number, data: unknown, position: bigint): void {
  const domainEvent = upcast(type, schemaVersion, data) as PolicyholderEvent;
  entry.state = evolve(entry.state, domainEvent);
  entry.document.lastPosition = position;
  if (domainEvent.type === 'StoppageRegularized') {
    const stoppage = entry.state.stoppages.get(domainEvent.data.stoppageId);
    if (stoppage) entry.document.advancesRegularized[stoppage.stoppageId] = stoppage.advances.length;
  }
}
