// Request schemas of deliberation (议事会), proposals and building leads — console and portal.
// The server validates with them; the console and portal build their bodies to them.
import { type Static, Type } from 'typebox';
import { IsoDateTime, PageQuery, StringEnum } from './common';
import { DueBody } from './work-items';

const Id = Type.String({ format: 'uuid' });
const Name = Type.String({ minLength: 1, maxLength: 60 });
export const MEETING_STATUS_VALUES = ['scheduled', 'in_session', 'closed', 'cancelled'] as const;
export const PROPOSAL_STATUS_VALUES = ['submitted', 'open', 'on_agenda', 'answered'] as const;
export const PARTICIPANT_KIND_VALUES = ['resident', 'property_company', 'section', 'department', 'staff', 'other'] as const;

export const VoteRulesBody = Type.Object(
  {
    quorumShare: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1, description: 'share of eligible voters who must be present' })),
    majority: Type.Optional(StringEnum(['simple', 'two_thirds'] as const)),
    abstentionsCount: Type.Optional(Type.Boolean({ description: 'true: abstentions are in the base (weigh like against)' })),
  },
  { additionalProperties: false },
);

export const MeetingListQuery = Type.Object(
  { communityCode: Type.Optional(Type.String({ maxLength: 20 })), status: Type.Optional(Type.Array(StringEnum(MEETING_STATUS_VALUES))), ...PageQuery },
  { additionalProperties: false },
);

export const ScheduleMeetingBody = Type.Object(
  {
    communityCode: Type.String({ minLength: 1, maxLength: 20 }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    scheduledAt: Type.String({ format: 'date-time' }),
    place: Type.String({ minLength: 1, maxLength: 200 }),
    chairName: Name,
    isChairResident: Type.Optional(Type.Boolean()),
    eligibleVoters: Type.Integer({ minimum: 1, maximum: 10000 }),
    voteRules: Type.Optional(Type.Union([VoteRulesBody, Type.Null()])),
  },
  { additionalProperties: false },
);

const Version = { expectedVersion: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })) };
export const MEETING_ACTION_BODIES = {
  reschedule: Type.Object(
    {
      ...Version,
      scheduledAt: Type.Optional(Type.String({ format: 'date-time' })),
      place: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
      chairName: Type.Optional(Name),
      isChairResident: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
  start: Type.Object(Version, { additionalProperties: false }),
  close: Type.Object(Version, { additionalProperties: false }),
  cancel: Type.Object({ ...Version, reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }),
} as const;

export const ParticipantsBody = Type.Object(
  {
    participants: Type.Optional(
      Type.Array(
        Type.Object(
          {
            kind: StringEnum(PARTICIPANT_KIND_VALUES),
            name: Name,
            organisation: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
            unitCode: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        { maxItems: 200 },
      ),
    ),
    buildingLeadIds: Type.Optional(Type.Array(Id, { maxItems: 500 })),
    allBuildingLeads: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** One shape for every source (a union would report only its first branch's error); the use case checks which fields the type needs. */
export const AgendaItemBody = Type.Object(
  {
    sourceType: StringEnum(['case', 'proposal', 'hotspot_group', 'topic', 'other'] as const),
    caseId: Type.Optional(Id),
    proposalId: Type.Optional(Id),
    sourceId: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()])),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    linkedCaseIds: Type.Optional(Type.Array(Id, { maxItems: 500 })),
  },
  { additionalProperties: false },
);

export const MinutesBody = Type.Object({ minutes: Type.String({ maxLength: 10000 }) }, { additionalProperties: false });
export const ConclusionBody = Type.Object(
  { outcome: StringEnum(['decided', 'not_decided', 'deferred'] as const), summary: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);
export const MotionBody = Type.Object({ itemId: Id, text: Type.String({ minLength: 1, maxLength: 1000 }), movedBy: Name }, { additionalProperties: false });

const Count = Type.Integer({ minimum: 0, maximum: 10000 });
export const MOTION_ACTION_BODIES = {
  second: Type.Object({ ...Version, secondedBy: Name }, { additionalProperties: false }),
  open_discussion: Type.Object(Version, { additionalProperties: false }),
  vote: Type.Object({ ...Version, for: Count, against: Count, abstain: Count, present: Type.Optional(Count) }, { additionalProperties: false }),
  withdraw: Type.Object(Version, { additionalProperties: false }),
} as const;

export const ProposalListQuery = Type.Object(
  { communityCode: Type.Optional(Type.String({ maxLength: 20 })), status: Type.Optional(Type.Array(StringEnum(PROPOSAL_STATUS_VALUES))), ...PageQuery },
  { additionalProperties: false },
);
export const PROPOSAL_ACTION_BODIES = {
  open: Type.Object(Version, { additionalProperties: false }),
  answer: Type.Object({ ...Version, answer: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }),
} as const;

const LeadFields = {
  building: Type.String({ minLength: 1, maxLength: 40 }),
  door: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
  floor: Type.Optional(Type.Union([Type.String({ maxLength: 10 }), Type.Null()])),
  name: Name,
  phone: Type.String({ minLength: 1, maxLength: 20 }),
};
export const BuildingLeadBody = Type.Object({ communityCode: Type.String({ minLength: 1, maxLength: 20 }), ...LeadFields }, { additionalProperties: false });
export const BuildingLeadPatch = Type.Object(
  { lead: Type.Optional(Type.Object(LeadFields, { additionalProperties: false })), isActive: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export const BuildingLeadQuery = Type.Object(
  { communityCode: Type.String({ minLength: 1, maxLength: 20 }), includeInactive: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export const BuildingLeadNoticeBody = Type.Object(
  {
    communityCode: Type.String({ minLength: 1, maxLength: 20 }),
    text: Type.String({ minLength: 1, maxLength: 1000 }),
    buildingLeadIds: Type.Optional(Type.Array(Id, { maxItems: 500 })),
  },
  { additionalProperties: false },
);
export const DeliberationMeasuresQuery = Type.Object(
  {
    communityCode: Type.String({ minLength: 1, maxLength: 20 }),
    quarterKey: Type.Optional(Type.String({ pattern: '^\\d{4}-Q[1-4]$', description: 'e.g. 2026-Q4' })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);

// ── portal ──
export const PublicProposalBody = Type.Object(
  {
    communityCode: Type.String({ minLength: 1, maxLength: 20 }),
    title: Type.String({ minLength: 2, maxLength: 100 }),
    detail: Type.String({ minLength: 5, maxLength: 2000 }),
    name: Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Null()])),
    phone: Type.String({ minLength: 1, maxLength: 20 }),
  },
  { additionalProperties: false },
);
export const PublicSupportBody = Type.Object({ phone: Type.String({ minLength: 1, maxLength: 20 }) }, { additionalProperties: false });

const Label = Type.Object({ zh: Type.String(), en: Type.String() });
const PublicFollowUpSchema = Type.Object({ title: Type.String(), ownerLabel: Type.String(), dueAt: IsoDateTime, status: Type.String(), isOverdue: Type.Boolean() });
const PublicMeetingSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  scheduledAt: IsoDateTime,
  place: Type.String(),
  isChairResident: Type.Boolean(),
  status: Type.String(),
  statusLabel: Label,
  items: Type.Array(
    Type.Object({
      position: Type.Integer(),
      title: Type.String(),
      sourceType: Type.String(),
      status: Type.String(),
      statusLabel: Label,
      outcomeSummary: Type.Union([Type.String(), Type.Null()]),
      motions: Type.Array(
        Type.Object({
          text: Type.String(),
          status: Type.String(),
          statusLabel: Label,
          result: Type.Union([
            Type.Object({ for: Type.Integer(), against: Type.Integer(), abstain: Type.Integer(), present: Type.Integer(), eligible: Type.Integer(), statement: Label }),
            Type.Null(),
          ]),
        }),
      ),
      followUps: Type.Array(PublicFollowUpSchema),
    }),
  ),
});
/** The public community page: what the response may carry, and nothing more (no personal data). */
export const PublicCommunitySchema = Type.Object({
  community: Type.Object({ code: Type.String(), name: Type.String(), streetName: Type.Union([Type.String(), Type.Null()]) }),
  upcoming: Type.Array(PublicMeetingSchema),
  past: Type.Array(PublicMeetingSchema),
  proposals: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      detail: Type.String(),
      status: Type.String(),
      statusLabel: Label,
      supportCount: Type.Integer(),
      answer: Type.Union([Type.String(), Type.Null()]),
      submittedAt: IsoDateTime,
    }),
  ),
});
export type PublicCommunity = Static<typeof PublicCommunitySchema>;

/** A decision's follow-up task (a work item): owner a unit, or a resident supervised by the community. */
export const FollowUpBody = Type.Object(
  {
    motionId: Id,
    title: Type.String({ minLength: 1, maxLength: 200 }),
    detail: Type.Optional(Type.Union([Type.String({ maxLength: 5000 }), Type.Null()])),
    owner: Type.Object(
      {
        unitCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'the owner unit; for a person, the supervising unit (default: the community)' })),
        personName: Type.Optional(Name),
        personContact: Type.Optional(Type.String({ maxLength: 60 })),
      },
      { additionalProperties: false },
    ),
    due: DueBody,
  },
  { additionalProperties: false },
);
