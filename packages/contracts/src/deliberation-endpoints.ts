// Endpoint descriptions (see endpoint.ts) of 居民议事会 / 楼门层长 / proposals for community staff:
// meetings with their agenda, motions and follow-ups, the proposals queue, the building-lead
// register (contacts masked unless revealed) and a community's measures.
import {
  AGENDA_ITEM_STATUSES,
  AGENDA_SOURCE_TYPES,
  BUILDING_LEAD_ROLES,
  MAJORITY_RULES,
  MEETING_ACTIONS,
  MEETING_STATUSES,
  MOTION_ACTIONS,
  MOTION_STATUSES,
  PARTICIPANT_KINDS,
  PROPOSAL_ACTIONS,
  PROPOSAL_STATUSES,
} from '@jiesu/core';
import { Type } from 'typebox';
import { IsoDateTime, Nullable, StringEnum } from './common';
import {
  AgendaItemBody,
  BuildingLeadBody,
  BuildingLeadNoticeBody,
  BuildingLeadPatch,
  BuildingLeadQuery,
  ConclusionBody,
  DeliberationMeasuresQuery,
  FollowUpBody,
  MEETING_ACTION_BODIES,
  MeetingListQuery,
  MinutesBody,
  MOTION_ACTION_BODIES,
  MotionBody,
  ParticipantsBody,
  PROPOSAL_ACTION_BODIES,
  ProposalListQuery,
  ScheduleMeetingBody,
} from './deliberation';
import { endpoint } from './endpoint';
import { WorkItemSchema } from './work-items';

const tags = ['deliberation'];
const Id = Type.String({ format: 'uuid' });
const MeetingParams = Type.Object({ id: Id });
const ItemParams = Type.Object({ id: Id, itemId: Id });
const MotionParams = Type.Object({ id: Id, motionId: Id });
const IdParams = Type.Object({ id: Id });
const Label = Type.Object({ zh: Type.String(), en: Type.String() });

export const VoteRulesSchema = Type.Object({ quorumShare: Type.Number(), majority: StringEnum(MAJORITY_RULES), abstentionsCount: Type.Boolean() });

export const MeetingSchema = Type.Object({
  id: Type.String(),
  communityCode: Type.String(),
  communityPath: Type.String(),
  title: Type.String(),
  scheduledAt: IsoDateTime,
  place: Type.String(),
  chairName: Type.String(),
  isChairResident: Type.Boolean(),
  status: StringEnum(MEETING_STATUSES),
  eligibleVoters: Type.Integer(),
  voteRules: Nullable(VoteRulesSchema),
  startedAt: Nullable(IsoDateTime),
  closedAt: Nullable(IsoDateTime),
  cancelReason: Nullable(Type.String()),
  version: Type.Integer(),
  createdBy: Type.String(),
});

export const ParticipantSchema = Type.Object({
  id: Type.Integer(),
  meetingId: Type.String(),
  kind: StringEnum(PARTICIPANT_KINDS),
  name: Type.String(),
  organisation: Nullable(Type.String()),
  unitCode: Nullable(Type.String()),
  buildingLeadId: Nullable(Type.String()),
  invitedAt: Nullable(IsoDateTime),
});

export const AgendaItemSchema = Type.Object({
  id: Type.String(),
  meetingId: Type.String(),
  position: Type.Integer(),
  sourceType: StringEnum(AGENDA_SOURCE_TYPES),
  sourceId: Nullable(Type.String()),
  titleSnapshot: Type.String(),
  linkedCaseIds: Type.Array(Type.String()),
  minutes: Nullable(Type.String()),
  status: StringEnum(AGENDA_ITEM_STATUSES),
  outcomeSummary: Nullable(Type.String()),
  concludedAt: Nullable(IsoDateTime),
});

export const VoteResultSchema = Type.Object({
  outcome: StringEnum(['passed', 'failed'] as const),
  reason: StringEnum(['carried', 'no_quorum', 'not_enough_for'] as const),
  for: Type.Integer(),
  against: Type.Integer(),
  abstain: Type.Integer(),
  present: Type.Integer(),
  eligible: Type.Integer(),
  quorumRequired: Type.Integer(),
  isQuorate: Type.Boolean(),
  base: Type.Integer(),
  forNeeded: Type.Integer(),
  rules: VoteRulesSchema,
  statement: Label,
});

export const MotionSchema = Type.Object({
  id: Type.String(),
  meetingId: Type.String(),
  agendaItemId: Type.String(),
  text: Type.String(),
  movedBy: Type.String(),
  secondedBy: Nullable(Type.String()),
  status: StringEnum(MOTION_STATUSES),
  result: Nullable(VoteResultSchema),
  movedAt: IsoDateTime,
  decidedAt: Nullable(IsoDateTime),
  version: Type.Integer(),
});

export const MeetingViewSchema = Type.Object({
  meeting: Type.Object({
    ...MeetingSchema.properties,
    communityName: Type.String(),
    allowedActions: Type.Array(StringEnum(MEETING_ACTIONS)),
    rules: VoteRulesSchema,
    canRun: Type.Boolean(),
  }),
  participants: Type.Array(ParticipantSchema),
  items: Type.Array(
    Type.Object({
      ...AgendaItemSchema.properties,
      motions: Type.Array(Type.Object({ ...MotionSchema.properties, allowedActions: Type.Array(StringEnum(MOTION_ACTIONS)), followUps: Type.Array(WorkItemSchema) })),
      linkedCases: Type.Array(
        Type.Object({
          caseId: Type.String(),
          caseNumber: Type.String(),
          subject: Type.String(),
          status: Type.String(),
          statusLabel: Type.String(),
          requester: Type.Object({ name: Nullable(Type.String()), phone: Nullable(Type.String()), isAnonymous: Type.Boolean() }),
          outcomeToldAt: Nullable(IsoDateTime),
        }),
      ),
    }),
  ),
});

export const ProposalViewSchema = Type.Object({
  id: Type.String(),
  communityCode: Type.String(),
  title: Type.String(),
  detail: Type.String(),
  status: StringEnum(PROPOSAL_STATUSES),
  supportCount: Type.Integer(),
  answer: Nullable(Type.String()),
  agendaItemId: Nullable(Type.String()),
  submittedAt: IsoDateTime,
  openedAt: Nullable(IsoDateTime),
  answeredAt: Nullable(IsoDateTime),
  version: Type.Integer(),
  proposer: Type.Object({ name: Nullable(Type.String()), phone: Type.String() }),
  isSupported: Type.Boolean(),
  allowedActions: Type.Array(StringEnum(PROPOSAL_ACTIONS)),
});

const leadFields = {
  id: Type.String(),
  communityCode: Type.String(),
  communityPath: Type.String(),
  building: Type.String(),
  door: Nullable(Type.String()),
  floor: Nullable(Type.String()),
  role: StringEnum(BUILDING_LEAD_ROLES),
  name: Type.String(),
  phone: Type.String(),
  isActive: Type.Boolean(),
};
/** A register entry as listed: name and phone masked. */
export const BuildingLeadSchema = Type.Object({ ...leadFields, isUnmasked: Type.Literal(false) });
/** One entry's full contact (the view is audited). */
export const RevealedBuildingLeadSchema = Type.Object({ ...leadFields, isUnmasked: Type.Literal(true) });

const measureFigures = {
  meetingsHeld: Type.Integer(),
  itemsDecided: Type.Integer(),
  tasksDue: Type.Integer(),
  tasksDoneOnTime: Type.Integer(),
  tasksDoneLate: Type.Integer(),
  tasksOverdueOpen: Type.Integer(),
  proposalsReceived: Type.Integer(),
  proposalsAnswered: Type.Integer(),
  casesInCommunity: Type.Integer(),
  casesDeliberated: Type.Integer(),
  tasksOnTimeShare: Nullable(Type.Number()),
  proposalsAnsweredShare: Nullable(Type.Number()),
  deliberatedCaseShare: Nullable(Type.Number()),
};

export const DeliberationMeasuresViewSchema = Type.Object({
  communityCode: Type.String(),
  communityName: Type.String(),
  from: IsoDateTime,
  to: IsoDateTime,
  quarterKey: Nullable(Type.String()),
  measures: Type.Object(measureFigures),
  assessmentScores: Type.Object({ deliberation_meetings: Type.Number(), deliberation_tasks_on_time: Type.Number(), deliberation_proposals_answered: Type.Number() }),
});

const meetingAction = <A extends 'reschedule' | 'start' | 'close' | 'cancel'>(action: A, summary: string) =>
  endpoint({
    method: 'POST',
    path: `/api/deliberation/meetings/:id/${action}`,
    summary,
    tags,
    params: MeetingParams,
    body: MEETING_ACTION_BODIES[action],
    response: MeetingSchema,
  });

const motionAction = <A extends 'second' | 'open_discussion' | 'vote' | 'withdraw', P extends string>(action: A, path: P) =>
  endpoint({
    method: 'POST',
    path,
    summary: `Motion: ${action.replace(/_/g, ' ')}`,
    tags,
    params: MotionParams,
    body: MOTION_ACTION_BODIES[action],
    response: MotionSchema,
  });

export const DELIBERATION_ENDPOINTS = {
  meetings: endpoint({
    method: 'GET',
    path: '/api/deliberation/meetings',
    summary: 'Meetings in your area, newest first',
    tags,
    querystring: MeetingListQuery,
    response: Type.Object({ total: Type.Integer(), items: Type.Array(MeetingSchema) }),
  }),
  scheduleMeeting: endpoint({
    method: 'POST',
    path: '/api/deliberation/meetings',
    summary: 'Schedule a deliberation meeting (community staff)',
    tags,
    successStatus: 201,
    body: ScheduleMeetingBody,
    response: MeetingSchema,
  }),
  meeting: endpoint({
    method: 'GET',
    path: '/api/deliberation/meetings/:id',
    summary: 'A meeting: agenda, minutes, motions, linked cases (requesters masked)',
    tags,
    params: MeetingParams,
    response: MeetingViewSchema,
  }),
  reschedule: meetingAction('reschedule', 'Move the meeting, its place or its chair'),
  start: meetingAction('start', 'Open the session'),
  close: meetingAction('close', 'Close the session'),
  cancel: meetingAction('cancel', 'Cancel a scheduled meeting'),
  participants: endpoint({
    method: 'POST',
    path: '/api/deliberation/meetings/:id/participants',
    summary: 'Add to the invitation list (building leads by id or all)',
    tags,
    params: MeetingParams,
    body: ParticipantsBody,
    response: Type.Array(ParticipantSchema),
  }),
  invitations: endpoint({
    method: 'POST',
    path: '/api/deliberation/meetings/:id/invitations',
    summary: 'Send the invitations not yet sent (through the outbox)',
    tags,
    params: MeetingParams,
    response: Type.Object({ invited: Type.Integer() }),
  }),
  addItem: endpoint({
    method: 'POST',
    path: '/api/deliberation/meetings/:id/items',
    summary: 'Put a case, a proposal, a hotspot group or a topic on the agenda',
    description: 'The same source put on twice answers 200 with the item already there.',
    tags,
    successStatus: 201,
    isReplayable: true,
    params: MeetingParams,
    body: AgendaItemBody,
    response: Type.Object({ item: AgendaItemSchema, isNew: Type.Boolean() }),
  }),
  minutes: endpoint({
    method: 'PUT',
    path: '/api/deliberation/meetings/:id/items/:itemId/minutes',
    summary: 'Minutes of one agenda item',
    tags,
    params: ItemParams,
    body: MinutesBody,
    response: AgendaItemSchema,
  }),
  conclude: endpoint({
    method: 'POST',
    path: '/api/deliberation/meetings/:id/items/:itemId/conclusion',
    summary: 'Conclude an item: linked cases get a history note, their requesters are told',
    tags,
    params: ItemParams,
    body: ConclusionBody,
    response: Type.Object({
      item: AgendaItemSchema,
      requestersTold: Type.Integer(),
      caseNotes: Type.Array(
        Type.Object({
          caseId: Type.String(),
          caseNumber: Nullable(Type.String()),
          isNoted: Type.Boolean(),
          notedBy: Nullable(Type.String()),
          refusedCode: Nullable(Type.String()),
        }),
      ),
    }),
  }),
  moveMotion: endpoint({
    method: 'POST',
    path: '/api/deliberation/meetings/:id/motions',
    summary: 'Move a motion (动议) on an agenda item',
    tags,
    successStatus: 201,
    params: MeetingParams,
    body: MotionBody,
    response: MotionSchema,
  }),
  second: motionAction('second', '/api/deliberation/meetings/:id/motions/:motionId/second'),
  openDiscussion: motionAction('open_discussion', '/api/deliberation/meetings/:id/motions/:motionId/open-discussion'),
  vote: motionAction('vote', '/api/deliberation/meetings/:id/motions/:motionId/vote'),
  withdraw: motionAction('withdraw', '/api/deliberation/meetings/:id/motions/:motionId/withdraw'),
  followUp: endpoint({
    method: 'POST',
    path: '/api/deliberation/meetings/:id/follow-ups',
    summary: "A passed motion's follow-up task (a work item on the shared clocks)",
    description: 'Send an `Idempotency-Key` header: a retry with the same key answers 200 with the task the first request created.',
    tags,
    successStatus: 201,
    isReplayable: true,
    params: MeetingParams,
    body: FollowUpBody,
    response: Type.Object({ item: WorkItemSchema, isNew: Type.Boolean() }),
  }),
  proposals: endpoint({
    method: 'GET',
    path: '/api/deliberation/proposals',
    summary: "Residents' proposals in your area, most supported first (proposer masked)",
    tags,
    querystring: ProposalListQuery,
    response: Type.Object({ total: Type.Integer(), items: Type.Array(ProposalViewSchema) }),
  }),
  openProposal: endpoint({
    method: 'POST',
    path: '/api/deliberation/proposals/:id/open',
    summary: 'Open a proposal for support',
    tags,
    params: IdParams,
    body: PROPOSAL_ACTION_BODIES.open,
    response: ProposalViewSchema,
  }),
  answerProposal: endpoint({
    method: 'POST',
    path: '/api/deliberation/proposals/:id/answer',
    summary: 'Answer a proposal (why it will not go to a meeting)',
    tags,
    params: IdParams,
    body: PROPOSAL_ACTION_BODIES.answer,
    response: ProposalViewSchema,
  }),
  buildingLeads: endpoint({
    method: 'GET',
    path: '/api/deliberation/building-leads',
    summary: 'The building-lead register (楼门层长), contacts masked',
    tags,
    querystring: BuildingLeadQuery,
    response: Type.Array(BuildingLeadSchema),
  }),
  registerBuildingLead: endpoint({
    method: 'POST',
    path: '/api/deliberation/building-leads',
    summary: 'Add a building, door or floor lead',
    tags,
    successStatus: 201,
    body: BuildingLeadBody,
    response: BuildingLeadSchema,
  }),
  updateBuildingLead: endpoint({
    method: 'PATCH',
    path: '/api/deliberation/building-leads/:id',
    summary: 'Edit or retire a register entry',
    tags,
    params: IdParams,
    body: BuildingLeadPatch,
    response: BuildingLeadSchema,
  }),
  revealBuildingLead: endpoint({
    method: 'POST',
    path: '/api/deliberation/building-leads/:id/reveal',
    summary: "One lead's full contact (the view is audited)",
    tags,
    params: IdParams,
    response: RevealedBuildingLeadSchema,
  }),
  buildingLeadNotice: endpoint({
    method: 'POST',
    path: '/api/deliberation/building-leads/notices',
    summary: 'Send a notice to building leads (through the outbox)',
    tags,
    body: BuildingLeadNoticeBody,
    response: Type.Object({ sent: Type.Integer() }),
  }),
  assessmentItems: endpoint({
    method: 'GET',
    path: '/api/deliberation/assessment-items',
    summary: "Items a street may add to its communities' quarterly assessment, scored from these measures",
    tags,
    response: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), labelEn: Type.String(), maxScore: Type.Number(), weight: Type.Number() })),
  }),
  measures: endpoint({
    method: 'GET',
    path: '/api/deliberation/measures',
    summary: "A community's deliberation measures for a quarter or a period",
    tags,
    querystring: DeliberationMeasuresQuery,
    response: DeliberationMeasuresViewSchema,
  }),
};
