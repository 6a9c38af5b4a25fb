// Endpoint description (see endpoint.ts) of the audit log's list: who did what to which record,
// newest first, in a time window, in keyset pages.
import { Type } from 'typebox';
import { CursorQuery, IsoDateTime, KeysetPage, Nullable } from './common';
import { endpoint } from './endpoint';

export const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: IsoDateTime,
  actorUserId: Nullable(Type.String()),
  actorUsername: Nullable(Type.String({ description: 'null for the system (clock sweep, jobs)' })),
  actorUnitPath: Nullable(Type.String({ description: "the actor's unit path when the entry was written" })),
  action: Type.String({ description: 'e.g. user.create, case.view_unmasked, appeal.decide, scoring.policy' }),
  targetType: Type.String(),
  targetId: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown(), { description: 'what changed, by action; shown, never interpreted by a rule' }),
});

const Text = (maxLength: number) => Type.Optional(Type.String({ minLength: 1, maxLength }));

export const AUDIT_ENDPOINTS = {
  list: endpoint({
    method: 'GET',
    path: '/api/audit',
    summary:
      'The audit log (administrators and supervisors): entries by actors of your unit subtree in a time window (default the last 30 days, at most 366), newest first, in keyset pages',
    tags: ['audit'],
    querystring: Type.Object(
      {
        from: Type.Optional(Type.String({ format: 'date-time', description: 'window start (inclusive); default 30 days before `to`' })),
        to: Type.Optional(Type.String({ format: 'date-time', description: 'window end (exclusive); default now' })),
        action: Text(100),
        targetType: Text(100),
        targetId: Text(200),
        actor: Text(100),
        ...CursorQuery,
      },
      { additionalProperties: false },
    ),
    response: Type.Object({ from: IsoDateTime, to: IsoDateTime, ...KeysetPage(AuditEntrySchema).properties }),
  }),
};
