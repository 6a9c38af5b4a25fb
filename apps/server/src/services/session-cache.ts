// Remembers who is behind a session token for a few seconds, so a busy client does not cost a
// session query on every call. This process forgets a session at once on logout, deactivation or
// password change; another process's change reaches here within the TTL.
import type { Actor } from '@jiesu/core';

interface Entry {
  actor: Actor;
  userId: string;
  sessionExpiresAt: number;
  cachedAt: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 10_000,
  ) {}

  get(tokenHash: string, now: Date): Actor | null {
    const e = this.entries.get(tokenHash);
    if (!e) return null;
    if (Date.now() - e.cachedAt > this.ttlMs || now.getTime() >= e.sessionExpiresAt) {
      this.entries.delete(tokenHash);
      return null;
    }
    return e.actor;
  }

  put(tokenHash: string, actor: Actor, sessionExpiresAt: Date): void {
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(tokenHash, { actor, userId: actor.userId, sessionExpiresAt: sessionExpiresAt.getTime(), cachedAt: Date.now() });
  }

  forget(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }

  forgetUser(userId: string): void {
    for (const [k, e] of this.entries) if (e.userId === userId) this.entries.delete(k);
  }
}
