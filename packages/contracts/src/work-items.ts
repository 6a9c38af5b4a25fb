// Work-item API shapes: create, one body per action (files and cases named by id; the server
// resolves them), the list query, and the item as presented — with the actions the viewer may
// take now, so the console shows buttons without re-stating a rule.
import { WORK_ITEM_ACTIONS, WORK_ITEM_KINDS, WORK_ITEM_STATUSES, type WorkItemAction } from '@jiesu/core';
import { type Static, type TObject, type TSchema, Type } from 'typebox';
import { IsoDateTime, StringEnum } from './common';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const AttachmentIds = Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 20, description: 'ids from POST /api/attachments' }));
const CaseIds = Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 100 }));
export const DEADLINE_UNITS = ['minutes', 'hours', 'calendar_days', 'working_days'] as const;

/**
 * A deadline: `dueAt` (an instant), or `amount` + `unit` (a span: from now when creating or
 * reopening, added to the current deadline when extending; working days follow the official calendar).
 */
export const DueBody = Type.Object(
  {
    dueAt: Type.Optional(Type.String({ format: 'date-time' })),
    amount: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    unit: Type.Optional(StringEnum(DEADLINE_UNITS)),
  },
  { additionalProperties: false, description: 'either dueAt, or amount and unit' },
);
export type DueBody = Static<typeof DueBody>;

export const WorkItemOwnerBody = Type.Object(
  {
    unitCode: Type.String({ minLength: 1, maxLength: 40, description: 'the owner unit, or the unit that supervises the named person' }),
    personName: Type.Optional(Text(60)),
    personContact: Type.Optional(Type.String({ maxLength: 60 })),
  },
  { additionalProperties: false },
);

export const CreateWorkItemBody = Type.Object(
  {
    kind: StringEnum(WORK_ITEM_KINDS),
    title: Text(200),
    detail: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    owner: WorkItemOwnerBody,
    due: DueBody,
    sourceType: Type.Optional(Text(40)),
    sourceId: Type.Optional(Text(100)),
    linkedCaseIds: CaseIds,
    isEvidenceRequired: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateWorkItemBody = Static<typeof CreateWorkItemBody>;

const common = {
  expectedVersion: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, description: 'the version you last saw; a mismatch is VERSION_CONFLICT (409)' })),
  note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
};

function body<P extends Record<string, TSchema>>(props: P) {
  return Type.Object({ ...common, ...props }, { additionalProperties: false });
}

export const WORK_ITEM_ACTION_BODIES = {
  start: body({}),
  progress: body({ text: Text(5000), attachmentIds: AttachmentIds, linkedCaseIds: CaseIds }),
  complete: body({ text: Text(5000), attachmentIds: AttachmentIds, linkedCaseIds: CaseIds }),
  acknowledge: body({}),
  reopen: body({ reason: Text(1000), due: Type.Optional(DueBody) }),
  cancel: body({ reason: Text(1000) }),
  extend: body({ reason: Text(1000), due: DueBody }),
  remind: body({}),
  escalate: body({}),
} satisfies Record<WorkItemAction, TObject>;

export type WorkItemActionBody<A extends WorkItemAction> = Static<(typeof WORK_ITEM_ACTION_BODIES)[A]>;

export const WorkItemListQuery = Type.Object(
  {
    kind: Type.Optional(StringEnum(WORK_ITEM_KINDS)),
    sourceType: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    sourceId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    status: Type.Optional(Type.Array(StringEnum(WORK_ITEM_STATUSES))),
    overdue: Type.Optional(Type.Boolean()),
    owner: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'owner unit code' })),
    linkedCase: Type.Optional(Type.String({ format: 'uuid', description: 'items that link this case' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page' })),
  },
  { additionalProperties: false },
);
export type WorkItemListQuery = Static<typeof WorkItemListQuery>;

const UnitRefSchema = Type.Object({ code: Type.String(), name: Type.String(), path: Type.String(), class: Type.String() });
const ActorRefSchema = Type.Object({ userId: Type.String(), username: Type.String(), displayName: Type.String(), unitCode: Type.String(), unitPath: Type.String() });
const EvidenceAttachment = Type.Object({
  id: Type.String(),
  kind: StringEnum(['photo', 'video', 'audio', 'document'] as const),
  mimeType: Type.String(),
  sizeBytes: Type.Integer(),
  name: Type.Optional(Nullable(Type.String())),
});

export const WorkItemSchema = Type.Object({
  id: Type.String(),
  kind: StringEnum(WORK_ITEM_KINDS),
  title: Type.String(),
  detail: Nullable(Type.String()),
  status: StringEnum(WORK_ITEM_STATUSES),
  version: Type.Integer(),
  owner: Type.Object({ unit: UnitRefSchema, person: Nullable(Type.Object({ name: Type.String(), contact: Nullable(Type.String()) })) }),
  creator: Type.Object({ unit: UnitRefSchema, by: ActorRefSchema }),
  source: Nullable(Type.Object({ type: Type.String(), id: Type.String() })),
  linkedCaseIds: Type.Array(Type.String()),
  clock: Type.Object({
    startedAt: IsoDateTime,
    dueAt: IsoDateTime,
    remindAt: IsoDateTime,
    remindedAt: Nullable(IsoDateTime),
    escalatedAt: Nullable(IsoDateTime),
  }),
  isEvidenceRequired: Type.Boolean(),
  evidence: Type.Array(
    Type.Object({
      kind: StringEnum(['progress', 'completion', 'acknowledgement'] as const),
      text: Type.String(),
      attachments: Type.Array(EvidenceAttachment),
      at: IsoDateTime,
      by: ActorRefSchema,
    }),
  ),
  acknowledgedAt: Nullable(IsoDateTime),
  acknowledgedBy: Nullable(ActorRefSchema),
  overdue: Type.Array(Type.Object({ unitCode: Type.String(), dueAt: IsoDateTime, markedAt: IsoDateTime })),
  createdAt: IsoDateTime,
  closedAt: Nullable(IsoDateTime),
  cancelReason: Nullable(Type.String()),
  eventCount: Type.Integer(),
  allowedActions: Type.Array(StringEnum(WORK_ITEM_ACTIONS), { description: 'what the viewer may do now, decided by the server' }),
  isPastDue: Type.Boolean({ description: 'open and at or past its deadline' }),
  isOverdue: Type.Boolean({ description: 'marked overdue (超期) at least once' }),
});
export type WorkItemView = Static<typeof WorkItemSchema>;

export const WorkItemHistorySchema = Type.Object({
  seq: Type.Integer(),
  action: Type.String(),
  fromStatus: Nullable(Type.String()),
  toStatus: Type.String(),
  at: IsoDateTime,
  actor: Type.Object({ userId: Type.String(), username: Type.String(), displayName: Nullable(Type.String()), unitCode: Type.String() }),
  note: Nullable(Type.String()),
  attachments: Type.Array(EvidenceAttachment),
  data: Type.Record(Type.String(), Type.Unknown()),
});

export const WorkItemDetailSchema = Type.Object({ ...WorkItemSchema.properties, history: Type.Array(WorkItemHistorySchema) });
export type WorkItemDetailView = Static<typeof WorkItemDetailSchema>;

export const WorkItemPageSchema = Type.Object({ total: Type.Integer(), items: Type.Array(WorkItemSchema), nextCursor: Nullable(Type.String()) });
export type WorkItemPageView = Static<typeof WorkItemPageSchema>;
