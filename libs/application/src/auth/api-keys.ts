import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDirectory } from '../infrastructure/private-files';

export const ROLES = ['clerk', 'supervisor', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  actorId: string;
  roles: Role[];
}

export class InvalidApiKeys extends Error {}

interface KeyEntry extends Actor {
  digest: Buffer;
}

/** The file in the data directory where generated keys are kept, readable by their owner only. */
export const GENERATED_KEYS_FILE = 'api-keys.txt';

/** One-shot hash: a third cheaper than createHash per request (every request is authenticated). */
const digestOf = (key: string) => hash('sha256', key, 'buffer');

/**
 * Parses `key:role[+role]:actorId,...` (api.md). Keys are held as sha256 digests and compared with
 * timingSafeEqual, so neither the comparison time nor a heap dump gives a key away.
 */
export function parseApiKeys(specification: string): ApiKeyRing {
  const entries = specification
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .flatMap((line) => line.split(','))
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part, index): KeyEntry => {
      const [key, roleList, actorId, ...rest] = part.split(':');
      if (!key || !roleList || !actorId || rest.length > 0) {
        throw new InvalidApiKeys(`API key entry ${index + 1} is not key:role[+role]:actorId`);
      }
      const roles = roleList.split('+');
      const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
      if (unknown.length > 0) throw new InvalidApiKeys(`API key entry ${index + 1} has unknown role(s) ${unknown.join(', ')}`);
      if (key.length < 16) throw new InvalidApiKeys(`API key entry ${index + 1} is shorter than 16 characters`);
      return { digest: digestOf(key), roles: roles as Role[], actorId };
    });
  if (entries.length === 0) throw new InvalidApiKeys('LEDGER_API_KEYS holds no key');
  return new ApiKeyRing(entries);
}

export class ApiKeyRing {
  constructor(private readonly entries: KeyEntry[]) {}

  /** The actor holding this key, or undefined. Every entry is compared, so timing does not depend on which matched. */
  authenticate(presentedKey: string): Actor | undefined {
    const presented = digestOf(presentedKey);
    let found: KeyEntry | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(entry.digest, presented)) found = entry;
    }
    return found && { actorId: found.actorId, roles: [...found.roles] };
  }
}

/**
 * With no LEDGER_API_KEYS, keys are generated on first start into the data directory (mode 0600) and
 * reused afterwards: one key per role, none holding several (issue 21: a generated key with all three roles
 * let one person both change and pay). A file written by an earlier release keeps the keys it holds. Returns the ring and, when the keys came from the file, its path (never the keys).
 */
export function loadOrGenerateApiKeys(specification: string | undefined, dataDirectory: string): { ring: ApiKeyRing; generatedFile?: string } {
  if (specification && specification.trim() !== '') return { ring: parseApiKeys(specification) };
  ensurePrivateDirectory(dataDirectory);
  const file = join(dataDirectory, GENERATED_KEYS_FILE);
  if (!existsSync(file)) {
    const lines = [
      '# IJ Ledger API keys, generated on first start. Format: key:role[+role]:actorId (as LEDGER_API_KEYS).',
      `${newKey()}:clerk:clerk-1`,
      `${newKey()}:supervisor:supervisor-1`,
      `${newKey()}:auditor:auditor-1`,
    ];
    writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return { ring: parseApiKeys(readFileSync(file, 'utf8')), generatedFile: file };
}

function newKey(): string {
  return `ijl_${randomBytes(24).toString('base64url')}`;
}
