// 未诉先办 request shapes: zones (包干), patrols (巡查走访), findings into proactive cases,
// warnings (预警), policy notices (四方联动), measures and settings.
import { Type } from 'typebox';
import { StringEnum } from './common';

const Code = (description: string) => Type.String({ pattern: '^[0-9A-Za-z-]{2,40}$', description });
export const StreetCode = Type.String({ pattern: '^\\d{9}$', description: 'A street or township code (9 digits)' });
const LocalDay = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Point = Type.Object({ lng: Type.Number({ minimum: -180, maximum: 180 }), lat: Type.Number({ minimum: -90, maximum: 90 }) }, { additionalProperties: false });

export const ZoneBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    communityCodes: Type.Array(Code('A community of the street'), { minItems: 1, maxItems: 200 }),
    polygon: Type.Optional(
      Type.Union([
        Type.Array(Type.Tuple([Type.Number({ minimum: -180, maximum: 180 }), Type.Number({ minimum: -90, maximum: 90 })]), { minItems: 3, maxItems: 2000 }),
        Type.Null(),
      ]),
    ),
    leaderUserId: Type.String({ format: 'uuid', description: 'The responsible leader (包干领导)' }),
    team: Type.Optional(
      Type.Array(
        Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 50 }), userId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])) },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
    termStart: LocalDay,
    termEnd: Type.Optional(Type.Union([LocalDay, Type.Null()])),
  },
  { additionalProperties: false },
);
export const ZoneUpdateBody = Type.Intersect([
  ZoneBody,
  Type.Object({ isActive: Type.Optional(Type.Boolean()), expectedVersion: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })) }),
]);

export const PATROL_KIND_VALUES = ['patrol', 'home_visit'] as const;
export const PatrolBody = Type.Object(
  {
    communityCode: Code('The community walked or visited'),
    kind: Type.Optional(StringEnum(PATROL_KIND_VALUES)),
    patrolledAt: Type.Optional(Type.String({ format: 'date-time' })),
    point: Type.Optional(Type.Union([Point, Type.Null()])),
    observations: Type.String({ minLength: 1, maxLength: 4000, description: 'What was seen' }),
    attachmentIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 9 })),
  },
  { additionalProperties: false },
);
export const PatrolListQuery = Type.Object({
  community: Type.Optional(Code('community')),
  zone: Type.Optional(Type.String({ format: 'uuid' })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});

export const FindingBody = Type.Object(
  {
    categoryCode: Type.String({ minLength: 1, maxLength: 40 }),
    subject: Type.String({ minLength: 1, maxLength: 200 }),
    detail: Type.Optional(Type.String({ maxLength: 4000 })),
    kind: Type.Optional(StringEnum(['consultation', 'help', 'complaint', 'report', 'suggestion', 'praise'] as const)),
    urgency: Type.Optional(StringEnum(['emergency', 'utilities', 'general', 'complex'] as const)),
    address: Type.Optional(Type.String({ maxLength: 200 })),
    requester: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()])),
          phone: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
          isAnonymous: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const WARNING_STATUS_VALUES = ['open', 'actioned', 'dismissed'] as const;
export const WarningListQuery = Type.Object({ status: Type.Optional(StringEnum(WARNING_STATUS_VALUES)), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) });
export const WarningScanBody = Type.Object({ asOf: Type.Optional(LocalDay) }, { additionalProperties: false });
export const WarningDismissBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
export const WarningTaskBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    detail: Type.Optional(Type.String({ maxLength: 4000 })),
    dueDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60, description: 'Working days to act' })),
  },
  { additionalProperties: false },
);

export const NoticeBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    body: Type.String({ minLength: 1, maxLength: 20000 }),
    unitCodes: Type.Array(Code('A unit that must act'), { minItems: 1, maxItems: 500 }),
    attachmentIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 9 })),
    ackDueAt: Type.String({ format: 'date-time', description: 'Deadline to acknowledge' }),
  },
  { additionalProperties: false },
);
export const NoticeActionBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 4000 }), attachmentIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 9 })) },
  { additionalProperties: false },
);

export const ProactiveMeasuresQuery = Type.Object({
  quarter: Type.Optional(Type.String({ pattern: '^\\d{4}-Q[1-4]$' })),
  from: Type.Optional(LocalDay),
  to: Type.Optional(LocalDay),
});

export const PROACTIVE_RATE_VALUES = ['excluded', 'own_measure'] as const;
export const ProactiveSettingsBody = Type.Object(
  {
    proactiveRates: Type.Optional(StringEnum(PROACTIVE_RATE_VALUES)),
    warnings: Type.Optional(Type.Record(Type.String({ maxLength: 64 }), Type.Number({ minimum: -1_000_000, maximum: 1_000_000 }))),
  },
  { additionalProperties: false },
);
