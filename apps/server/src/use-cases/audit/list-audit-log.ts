// The audit log for administrators and supervisors (the console's 审计日志 screen, one rule in the
// core: mayOpenScreen '/admin/audit'): entries by actors of the reader's unit subtree — the city
// centre also sees the system's own — in a time window, newest first, in keyset pages on (at, id).
// The window names the months read (the table is partitioned by month).
import { type Actor, DomainError, isCentreActor, mayOpenScreen } from '@jiesu/core';
import type { AppContext } from '../../context';
import { decodeCursor, encodeCursor } from '../../repositories/keyset';

const CURSOR_TAG = 'audit';
const DAY_MS = 86_400_000;
export const AUDIT_DEFAULT_DAYS = 30;
export const AUDIT_MAX_DAYS = 366;

export interface ListAuditLogOptions {
  actor: Actor;
  from?: string;
  to?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  actorUsername?: string;
  cursor?: string;
  limit?: number;
}

function instant(value: string, field: string): Date {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new DomainError('VALIDATION_FAILED', `${field} must be a date-time (ISO 8601).`, { field });
  return d;
}

export async function listAuditLog(ctx: AppContext, opts: ListAuditLogOptions) {
  if (!mayOpenScreen(opts.actor, '/admin/audit')) {
    throw new DomainError('FORBIDDEN', 'The audit log is for administrators and supervisors.', { roles: ['administrator', 'supervisor'] });
  }
  const to = opts.to === undefined ? ctx.now() : instant(opts.to, 'querystring.to');
  const from = opts.from === undefined ? new Date(to.getTime() - AUDIT_DEFAULT_DAYS * DAY_MS) : instant(opts.from, 'querystring.from');
  if (from >= to) throw new DomainError('VALIDATION_FAILED', 'querystring.from must be before querystring.to.', { field: 'querystring.from' });
  if (to.getTime() - from.getTime() > AUDIT_MAX_DAYS * DAY_MS) {
    throw new DomainError('VALIDATION_FAILED', `The window may span at most ${AUDIT_MAX_DAYS} days: narrow querystring.from.`, { field: 'querystring.from' });
  }
  const filter = {
    scopePath: isCentreActor(opts.actor) ? null : opts.actor.unitPath,
    from,
    to,
    ...(opts.action !== undefined ? { action: opts.action } : {}),
    ...(opts.targetType !== undefined ? { targetType: opts.targetType } : {}),
    ...(opts.targetId !== undefined ? { targetId: opts.targetId } : {}),
    ...(opts.actorUsername !== undefined ? { actorUsername: opts.actorUsername } : {}),
  };
  const limit = opts.limit ?? 50;
  let after: { at: string; id: number } | null = null;
  if (opts.cursor !== undefined) {
    const [at, id] = decodeCursor(opts.cursor, CURSOR_TAG, [{ kind: 'timestamp' }, { kind: 'int' }]);
    after = { at: String(at), id: Number(id) };
  }
  const rows = await ctx.repos.audit.page(filter, { limit: limit + 1, after });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const { total, totalExact } = await ctx.repos.audit.count(filter);
  return {
    from,
    to,
    items: page.map(({ atKey: _atKey, ...r }) => r),
    total,
    totalExact,
    nextCursor: rows.length > limit && last ? encodeCursor(CURSOR_TAG, [last.atKey, last.id]) : null,
  };
}
