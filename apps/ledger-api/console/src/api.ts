/**
 * The console's only way to the ledger: the public HTTP API (api.md) with the user's key.
 * The key lives in sessionStorage (gone when the tab closes); a NIR is only ever sent in a POST body.
 */
const KEY_ITEM = 'ij-ledger-console.key';

export interface FieldError {
  field: string;
  message: string;
}

/** An application/problem+json answer (or a network failure, status 0). */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly type: string = 'about:blank',
    readonly errors: FieldError[] = [],
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }
}

export const session = {
  key: (): string | null => sessionStorage.getItem(KEY_ITEM),
  signIn: (key: string): void => sessionStorage.setItem(KEY_ITEM, key),
  signOut: (): void => sessionStorage.removeItem(KEY_ITEM),
};

/** Called when the API answers 401: the key is wrong or was revoked. */
let onUnauthorized: () => void = () => undefined;
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

interface RequestOptions {
  body?: unknown;
  /** Commands: a fresh Idempotency-Key per submitted form. */
  idempotencyKey?: string;
  key?: string;
  query?: Record<string, string | undefined>;
}

function url(path: string, query: RequestOptions['query'] = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json, text/csv' };
  const key = options.key ?? session.key();
  if (key) headers.Authorization = `Bearer ${key}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(url(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch (error) {
    throw new ApiProblem(0, 'The ledger cannot be reached', error instanceof Error ? error.message : String(error));
  }
  if (response.ok) return response;
  throw await problemOf(response, options.key === undefined);
}

async function problemOf(response: Response, reportUnauthorized: boolean): Promise<ApiProblem> {
  if (response.status === 401 && reportUnauthorized) onUnauthorized();
  const text = await response.text();
  try {
    const problem = JSON.parse(text) as Partial<ApiProblem> & { message?: string };
    return new ApiProblem(
      response.status,
      problem.title ?? response.statusText,
      problem.detail ?? problem.message ?? '',
      problem.type,
      Array.isArray(problem.errors) ? problem.errors : [],
    );
  } catch {
    return new ApiProblem(response.status, response.statusText || `HTTP ${response.status}`, text.slice(0, 300));
  }
}

export async function get<T>(path: string, query?: RequestOptions['query'], key?: string): Promise<T> {
  return (await send('GET', path, { query, key })).json() as Promise<T>;
}

export async function post<T>(path: string, body: unknown, idempotencyKey?: string): Promise<T> {
  const response = await send('POST', path, { body, idempotencyKey });
  const text = await response.text();
  return (text ? JSON.parse(text) : {}) as T;
}

/** GETs a CSV answer with the key and hands it to the browser as a file download. */
export async function downloadCsv(path: string, query: RequestOptions['query'], fallbackName: string): Promise<string> {
  const response = await send('GET', path, { query });
  const name = /filename="([^"]+)"/u.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([await response.text()], { type: 'text/csv;charset=utf-8' }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  return name;
}

/** A v4 UUID for Idempotency-Key (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
