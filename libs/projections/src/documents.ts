/**
 * The read models' pure parts, without the adapters: a replay worker thread imports this entry
 * (@ij/projections/documents), not the barrel, which loads pg and @eventstore/db-client through the
 * stores (some 190 ms of every worker's start).
 */
export { partitionOf } from './partition';
export { toPolicyholderState, deserializeDocument, type PolicyholderDocument } from './model/policyholder-document';
