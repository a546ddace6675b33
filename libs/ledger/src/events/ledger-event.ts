/** Every stored event: its type, the version of its data's shape, and the facts it records. */
export interface LedgerEvent<Type extends string, Version extends number, Data> {
  readonly type: Type;
  readonly schemaVersion: Version;
  readonly data: Data;
}

/** Optional facts are left out rather than stored as `undefined`, so an event's JSON is its whole content. */
export function definedOnly<T extends object>(data: T): T {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as T;
}
