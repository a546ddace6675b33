/** Injection tokens of the storage the application is wired to (chosen by LEDGER_EVENT_STORE). */
export const EVENT_STORE = Symbol('EventStore');
export const PROJECTION_SYNC = Symbol('ProjectionSync');
export const LEDGER_CONFIG = Symbol('LedgerConfig');

/** Read-your-writes: resolves once the read models include the event at `position`. */
export interface ProjectionSync {
  waitFor(position: bigint): Promise<void>;
}

export const READ_MODELS = Symbol('ReadModels');
export const REPLAY_STORAGE = Symbol('ReplayStorage');
export const REPLAY_WORKERS = Symbol('ReplayWorkers');
export const LEDGER_STORAGE = Symbol('LedgerStorage');
