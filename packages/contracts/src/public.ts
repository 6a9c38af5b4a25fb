// The public portal's shapes that the server and the portal share, and its endpoints.
import { VISIT_SATISFACTIONS } from '@jiesu/core';
import { type Static, Type } from 'typebox';
import { IsoDateTime, StringEnum } from './common';
import { endpoint } from './endpoint';

const Rate = Type.Union([Type.Number(), Type.Null()]);

export const PublicRankingRowSchema = Type.Object({
  rank: Type.Union([Type.Integer(), Type.Null()]),
  unitCode: Type.String(),
  unitName: Type.String(),
  composite: Rate,
  responseRate: Rate,
  resolutionRate: Rate,
  satisfactionRate: Rate,
  sampleSize: Type.Integer(),
  wilsonRank: Type.Union([Type.Integer(), Type.Null()]),
  isTop: Type.Boolean(),
  isBottom: Type.Boolean(),
  requests: Type.Integer({ description: '诉求量' }),
  requestsPerThousand: Type.Union([Type.Number(), Type.Null()], { description: '千人诉求量' }),
});

const PublicBoundary = Type.Union([
  Type.Object({
    place: Type.Integer(),
    rank: Type.Integer(),
    score: Type.Number(),
    tied: Type.Array(Type.String()),
    listed: Type.Array(Type.String()),
    left: Type.Array(Type.String()),
  }),
  Type.Null(),
]);

/** The published monthly rankings (streets/townships and districts), top and bottom of each. */
export const PublicRankingsSchema = Type.Object({
  periodKey: Type.Union([Type.String(), Type.Null()]),
  periods: Type.Array(Type.String()),
  version: Type.Union([Type.Integer(), Type.Null()]),
  publishedAt: Type.Union([IsoDateTime, Type.Null()]),
  publishCount: Type.Integer(),
  classes: Type.Array(
    Type.Object({
      classKey: Type.String(),
      label: Type.String(),
      unitClass: Type.String(),
      rankedCount: Type.Integer(),
      minSampleSize: Type.Integer(),
      officialOrder: Type.String(),
      top: Type.Array(PublicRankingRowSchema),
      bottom: Type.Array(PublicRankingRowSchema),
      topBoundary: PublicBoundary,
      bottomBoundary: PublicBoundary,
      /** Units listed apart: fewer valid visits than the minimum (不参与排名). */
      unranked: Type.Array(Type.Object({ unitCode: Type.String(), unitName: Type.String(), sampleSize: Type.Integer() })),
      improved: Type.Array(Type.Object({ unitCode: Type.String(), unitName: Type.String(), rankChange: Type.Integer(), compositeDelta: Type.Number() })),
    }),
  ),
  specialGovernance: Type.Object({ ruleText: Type.String(), units: Type.Array(Type.Object({ unitCode: Type.String(), unitName: Type.String(), value: Type.Number() })) }),
});

// —— the portal's endpoints (/api/public, no login, rate-limited per client IP) ——

/** The tracking code given at submission is the secret (unguessable); the case number, when sent, must match it. */
const Proof = {
  caseNumber: Type.Optional(Type.String({ pattern: '^\\d{8}-\\d{6,}$', maxLength: 20, description: 'e.g. 20261127-000123' })),
  trackingToken: Type.String({ minLength: 8, maxLength: 64, description: 'the tracking code given at submission' }),
};
export const TrackingProofBody = Type.Object(Proof, { additionalProperties: false });
export type TrackingProof = Static<typeof TrackingProofBody>;

/** At most this many photos on one public request. */
export const MAX_PUBLIC_PHOTOS = 3;

export const PublicServiceSchema = Type.Object({
  serviceCode: Type.String(),
  name: Type.String(),
  group: Type.Union([Type.String(), Type.Null()]),
  description: Type.Union([Type.String(), Type.Null()]),
});

export const PublicSubmitBody = Type.Object(
  {
    serviceCode: Type.String({ minLength: 1, maxLength: 40 }),
    detail: Type.String({ minLength: 5, maxLength: 2000 }),
    address: Type.String({ minLength: 2, maxLength: 300 }),
    coordinates: Type.Optional(
      Type.Union([
        Type.Object({ lat: Type.Number({ minimum: -90, maximum: 90 }), lng: Type.Number({ minimum: -180, maximum: 180 }) }, { additionalProperties: false }),
        Type.Null(),
      ]),
    ),
    name: Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Null()])),
    phone: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
    isAnonymous: Type.Optional(Type.Boolean()),
    photoIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: MAX_PUBLIC_PHOTOS })),
  },
  { additionalProperties: false },
);
export type PublicSubmission = Static<typeof PublicSubmitBody>;

export const PublicSubmittedSchema = Type.Object({ caseNumber: Type.String(), trackingToken: Type.String(), status: Type.String(), receivedAt: IsoDateTime });

export const PublicEventSchema = Type.Object({ seq: Type.Integer(), at: IsoDateTime, action: Type.String(), status: Type.String(), text: Type.String() });

export const PublicRatingSchema = Type.Object({ satisfaction: StringEnum(VISIT_SATISFACTIONS), comment: Type.Union([Type.String(), Type.Null()]), ratedAt: IsoDateTime });

export const PublicCaseViewSchema = Type.Object({
  caseNumber: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  isOpen: Type.Boolean(),
  categoryName: Type.Union([Type.String(), Type.Null()]),
  subject: Type.String(),
  address: Type.String(),
  receivedAt: IsoDateTime,
  closedAt: Type.Union([IsoDateTime, Type.Null()]),
  events: Type.Array(PublicEventSchema),
  canRate: Type.Boolean(),
  rating: Type.Union([PublicRatingSchema, Type.Null()]),
});

export const PublicRateBody = Type.Object(
  { ...Proof, satisfaction: StringEnum(VISIT_SATISFACTIONS), comment: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])) },
  { additionalProperties: false },
);

const tags = ['public'] as const;

export const PUBLIC_ENDPOINTS = {
  services: endpoint({
    method: 'GET',
    path: '/api/public/services',
    summary: 'Categories a resident may choose (the Open311 services)',
    tags,
    isPublic: true,
    response: Type.Array(PublicServiceSchema),
  }),
  submit: endpoint({
    method: 'POST',
    path: '/api/public/requests',
    summary: 'Submit a request; the reply has the case number and a tracking code',
    tags,
    isPublic: true,
    successStatus: 201,
    body: PublicSubmitBody,
    response: PublicSubmittedSchema,
  }),
  track: endpoint({
    method: 'POST',
    path: '/api/public/track',
    summary: 'Status and public history of your request',
    tags,
    isPublic: true,
    body: TrackingProofBody,
    response: PublicCaseViewSchema,
  }),
  rate: endpoint({
    method: 'POST',
    path: '/api/public/ratings',
    summary: 'Rate the handling once the request is closed (one rating per request)',
    tags,
    isPublic: true,
    successStatus: 201,
    body: PublicRateBody,
    response: PublicRatingSchema,
  }),
  rankings: endpoint({
    method: 'GET',
    path: '/api/public/rankings',
    summary: 'The published monthly rankings (streets/townships, districts)',
    tags,
    isPublic: true,
    querystring: Type.Object({ period: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}$' })) }),
    response: PublicRankingsSchema,
  }),
};
