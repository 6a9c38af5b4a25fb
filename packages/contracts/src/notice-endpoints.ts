// Endpoint descriptions (see endpoint.ts) of policy notices (四方联动: a notice to units below, read
// receipts, acknowledgements, reported actions) and of the unit's notifications (the bell).
import { Type } from 'typebox';
import { CursorQuery, IsoDateTime, KeysetPage, Nullable } from './common';
import { endpoint } from './endpoint';
import { NoticeActionBody, NoticeBody } from './proactive';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const NoticeRecipientSchema = Type.Object({
  noticeId: Type.String(),
  unitCode: Type.String(),
  unitPath: Type.String(),
  unitName: Type.String(),
  workItemId: Nullable(Type.String({ description: 'the acknowledgement task (a work item) of this unit' })),
  workItemStatus: Nullable(Type.String()),
  acknowledgedAt: Nullable(IsoDateTime),
  acknowledgedBy: Nullable(Type.String()),
  isOnTime: Nullable(Type.Boolean({ description: 'acknowledged by the deadline; false once it passed unacknowledged; null while still open' })),
  remindedAt: Nullable(IsoDateTime),
  escalatedAt: Nullable(IsoDateTime),
  isOverdue: Type.Boolean(),
  actions: Type.Array(Type.Object({ at: Type.String(), by: Type.String(), text: Type.String(), attachmentIds: Type.Array(Type.String()) })),
});

export const NoticeViewSchema = Type.Object({
  id: Type.String(),
  senderUnitCode: Type.String(),
  senderUnitPath: Type.String(),
  senderUnitName: Type.String(),
  title: Type.String(),
  body: Type.String(),
  attachmentIds: Type.Array(Type.String()),
  ackDueAt: IsoDateTime,
  createdBy: Type.String(),
  createdAt: IsoDateTime,
  acknowledged: Type.Integer({ description: 'recipients that acknowledged' }),
  recipients: Type.Array(NoticeRecipientSchema, { description: 'all of them for the sender’s side; a recipient sees its own' }),
});

export const NOTICE_ENDPOINTS = {
  list: endpoint({
    method: 'GET',
    path: '/api/notices',
    summary: 'Notices sent by or to units in your area, newest first',
    tags: ['proactive'],
    querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }),
    response: Type.Array(NoticeViewSchema),
  }),
  send: endpoint({
    method: 'POST',
    path: '/api/notices',
    summary: 'Send a policy notice to units below yours',
    description: 'Send an `Idempotency-Key` header: a retry with the same key answers 200 with the notice the first request sent.',
    tags: ['proactive'],
    successStatus: 201,
    isReplayable: true,
    body: NoticeBody,
    response: NoticeViewSchema,
  }),
  get: endpoint({ method: 'GET', path: '/api/notices/:id', summary: 'A notice with its read receipts', tags: ['proactive'], params: IdParams, response: NoticeViewSchema }),
  acknowledge: endpoint({
    method: 'POST',
    path: '/api/notices/:id/acknowledge',
    summary: 'Acknowledge (已知悉) for your unit',
    tags: ['proactive'],
    params: IdParams,
    body: Type.Object({ note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
    response: NoticeViewSchema,
  }),
  reportAction: endpoint({
    method: 'POST',
    path: '/api/notices/:id/actions',
    summary: 'Report an action your unit took',
    tags: ['proactive'],
    params: IdParams,
    body: NoticeActionBody,
    response: NoticeViewSchema,
  }),
};

export const NotificationSchema = Type.Object({
  id: Type.Integer(),
  caseId: Nullable(Type.String({ description: 'the case the message is about; null for a work item' })),
  workItemId: Nullable(Type.String({ description: 'the work item the message is about; null for a case' })),
  caseNumber: Nullable(Type.String()),
  subject: Nullable(Type.String()),
  kind: Type.String({
    description:
      'assigned | withdrawn | summoned | reminder | escalation | requester_feedback, or work_item_assigned | work_item_reminder | work_item_escalation | work_item_extended | work_item_reopened | work_item_completed | work_item_cancelled',
  }),
  payload: Type.Record(Type.String(), Type.Unknown(), { description: 'what the message says, by kind (ids, titles, times); shown, never interpreted by a rule' }),
  createdAt: IsoDateTime,
  deliveredAt: Nullable(IsoDateTime),
});

export const NOTIFICATION_ENDPOINTS = {
  list: endpoint({
    method: 'GET',
    path: '/api/notifications',
    summary: "Your unit's notifications, newest first, in keyset pages: new assignments, withdrawals, whistle summons, reminders, escalations, and the same for work items",
    tags: ['notifications'],
    querystring: Type.Object({ cursor: CursorQuery.cursor, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) }, { additionalProperties: false }),
    response: Type.Object({ unitCode: Type.String(), ...KeysetPage(NotificationSchema).properties }),
  }),
};
