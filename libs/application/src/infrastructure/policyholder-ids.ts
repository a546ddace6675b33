import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDirectory } from './private-files';

export const POLICYHOLDER_IDS = Symbol('PolicyholderIds');

/**
 * Derives the opaque policyholderId from a NIR with an HMAC whose secret never leaves the deployment,
 * so that the NIR never has to appear in a URL, a stream name or a log line, and the id cannot be
 * reversed by hashing every possible NIR.
 */
export class PolicyholderIds {
  constructor(private readonly secret: Buffer) {}

  fromNir(nir: string): string {
    return createHmac('sha256', this.secret).update(nir, 'utf8').digest('base64url').slice(0, 26);
  }
}

export const POLICYHOLDER_SECRET_FILE = 'policyholder-id.secret';

/**
 * The secret comes from LEDGER_POLICYHOLDER_SECRET (processes sharing a database must share it) or a file in
 * the data directory created on first start with mode 0600.
 */
export function loadPolicyholderIds(dataDirectory: string, secretFromEnvironment?: string): PolicyholderIds {
  if (secretFromEnvironment) return new PolicyholderIds(Buffer.from(secretFromEnvironment, 'utf8'));
  ensurePrivateDirectory(dataDirectory);
  const file = join(dataDirectory, POLICYHOLDER_SECRET_FILE);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return new PolicyholderIds(Buffer.from(readFileSync(file, 'utf8').trim(), 'hex'));
}
