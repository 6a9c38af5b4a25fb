// API keys are random 32-byte strings shown once at issue; only their SHA-256 is stored, with an
// 8-character prefix so an administrator can tell keys apart.
import { createHash, randomBytes } from 'node:crypto';

export function newApiKey(): { key: string; prefix: string; hash: string } {
  const key = randomBytes(32).toString('base64url');
  return { key, prefix: key.slice(0, 8), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
