// The work queues (a unit's inbox, the dispatch queue, the overdue board) and the supervisor's
// sweep, as endpoint descriptions: the server registers its routes from them and the console's
// pages take their types from them.
import { CASE_STATUSES, UNIT_CLASSES } from '@jiesu/core';
import { Type } from 'typebox';
import { CaseSummarySchema } from './cases';
import { IsoDateTime, Nullable, StringEnum } from './common';
import { endpoint } from './endpoint';

/** A case in a queue; an inbox row about a clock says which (its key, name and deadline). */
export const QueueCaseSchema = Type.Object({
  ...CaseSummarySchema.properties,
  status: StringEnum(CASE_STATUSES),
  clock: Type.Optional(Type.Object({ key: Type.String(), name: Type.String(), dueAt: IsoDateTime })),
});

const Cases = Type.Array(QueueCaseSchema);

export const InboxQueueSchema = Type.Object({ unitCode: Type.String(), toSign: Cases, inHand: Cases, dueSoon: Cases, overdue: Cases });

export const DispatchQueueSchema = Type.Object({ toDispatch: Cases, returned: Cases, disputed: Cases, awaitingReview: Cases, extensionRequests: Cases });

export const OverdueBoardSchema = Type.Object({
  units: Type.Array(Type.Object({ unitCode: Type.String(), unitName: Type.String(), unitClass: StringEnum(UNIT_CLASSES), overdue: Type.Integer(), nearDue: Type.Integer() })),
  clocks: Type.Array(
    Type.Object({
      caseId: Type.String(),
      caseNumber: Type.String(),
      subject: Type.String(),
      status: StringEnum(CASE_STATUSES),
      clockKey: Type.String(),
      clockName: Type.String(),
      ownerUnitCode: Type.String(),
      dueAt: IsoDateTime,
      isOverdue: Type.Boolean(),
      remindedAt: Nullable(IsoDateTime),
      escalatedAt: Nullable(IsoDateTime),
    }),
  ),
});

const SweepCounts = { reminded: Type.Integer(), escalated: Type.Integer(), skippedLocked: Type.Integer() };
export const SweepResultSchema = Type.Object({
  casesExamined: Type.Integer(),
  ...SweepCounts,
  /** The same sweep's work items. */
  workItems: Type.Object({ itemsExamined: Type.Integer(), ...SweepCounts }),
});

const Hours = Type.Integer({ minimum: 1, maximum: 720 });

export const QUEUE_ENDPOINTS = {
  inbox: endpoint({
    method: 'GET',
    path: '/api/queues/inbox',
    summary: "Your unit's inbox: to sign, in hand, due soon, overdue",
    tags: ['queues'],
    querystring: Type.Object({ dueSoonHours: Type.Optional(Hours) }, { additionalProperties: false }),
    response: InboxQueueSchema,
  }),
  dispatch: endpoint({
    method: 'GET',
    path: '/api/queues/dispatch',
    summary: 'The dispatch queue of the centre or a district sub-centre',
    tags: ['queues'],
    response: DispatchQueueSchema,
  }),
  overdue: endpoint({
    method: 'GET',
    path: '/api/queues/overdue',
    summary: 'The overdue board: running clocks past or near their deadline, by unit',
    tags: ['queues'],
    querystring: Type.Object({ nearHours: Type.Optional(Hours) }, { additionalProperties: false }),
    response: OverdueBoardSchema,
  }),
  sweep: endpoint({
    method: 'POST',
    path: '/api/queues/sweep',
    summary: 'Run the reminder/escalation sweep of case clocks and work items now (supervisors)',
    tags: ['queues'],
    response: SweepResultSchema,
  }),
};
