/**
 * Deepest nesting of arrays and objects a request body may have. The deepest command body is a salary
 * certificate ({ salaries: [ { … } ] }: 3 levels); 16 leaves room and refuses the bodies built to exhaust a
 * stack (issue 21: 8 000 `[` killed the process).
 */
export const MAX_JSON_DEPTH = 16;

const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The deepest nesting in raw JSON bytes, read in one loop (no recursion), or the first depth over `limit`
 * (it stops there). Brackets inside strings do not count; UTF-8 continuation bytes never equal an ASCII one.
 */
export function jsonNestingDepth(raw: Uint8Array, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < raw.length; index++) {
    const byte = raw[index];
    if (inString) {
      if (byte === BACKSLASH) index++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      depth--;
    }
  }
  return deepest;
}

/** Names that reach an object's prototype: no DTO has them, and class-validator's whitelist does not see them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The path of the first forbidden key anywhere in a parsed body, if there is one: an explicit stack, so a
 * body of any depth cannot exhaust the call stack.
 */
export function forbiddenKeyPath(body: unknown): string | undefined {
  const pending: Array<{ value: unknown; path: string }> = [{ value: body, path: '' }];
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    const keys = Object.keys(value);
    for (const key of keys) {
      const here = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return here;
    }
    for (let index = keys.length - 1; index >= 0; index--) {
      const key = keys[index];
      pending.push({ value: (value as Record<string, unknown>)[key], path: path ? `${path}.${key}` : key });
    }
  }
  return undefined;
}
