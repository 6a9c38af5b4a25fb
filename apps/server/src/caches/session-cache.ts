// Remembers who is behind a session token for a few seconds, so a busy client does not cost a
// session query on every call. This process forgets a session at once on logout, deactivation or
// password change; another process's change reaches here within the TTL (5 s).
import type { Actor } from '@jiesu/core';
import { TtlCache } from './ttl-cache';

interface Entry {
  actor: Actor;
  userId: string;
  sessionExpiresAt: number;
}

export class SessionCache {
  private readonly entries: TtlCache<string, Entry>;

  constructor(ttlMs = 5_000, maxEntries = 10_000) {
    this.entries = new TtlCache(ttlMs, maxEntries);
  }

  get(tokenHash: string, now: Date): Actor | null {
    const e = this.entries.get(tokenHash);
    if (!e) return null;
    if (now.getTime() >= e.sessionExpiresAt) {
      this.entries.delete(tokenHash);
      return null;
    }
    return e.actor;
  }

  put(tokenHash: string, actor: Actor, sessionExpiresAt: Date): void {
    this.entries.set(tokenHash, { actor, userId: actor.userId, sessionExpiresAt: sessionExpiresAt.getTime() });
  }

  forget(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }

  forgetUser(userId: string): void {
    this.entries.deleteWhere((e) => e.userId === userId);
  }
}
