// Endpoint descriptions (see endpoint.ts) of the portal's governance pages under /api/public (no
// login, rate-limited per client): 每月一题 topics and a community's 议事 page, proposals, supports.
import { Type } from 'typebox';
import { IsoDateTime } from './common';
import { PublicCommunitySchema, PublicProposalBody, PublicSupportBody } from './deliberation';
import { endpoint } from './endpoint';
import { PublicTopicsSchema } from './topics';

const tags = ['public'];

export const PUBLIC_GOVERNANCE_ENDPOINTS = {
  topics: endpoint({
    method: 'GET',
    path: '/api/public/topics',
    summary: '每月一题: each month’s topic, its problems, task progress and policies',
    tags,
    isPublic: true,
    querystring: Type.Object({ month: Type.Optional(Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' })) }, { additionalProperties: false }),
    response: PublicTopicsSchema,
  }),
  communities: endpoint({
    method: 'GET',
    path: '/api/public/communities',
    summary: 'Find a community by name',
    tags,
    isPublic: true,
    querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false }),
    response: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), streetName: Type.Union([Type.String(), Type.Null()]) })),
  }),
  community: endpoint({
    method: 'GET',
    path: '/api/public/communities/:code/deliberation',
    summary: "A community's meetings, decisions, tasks and proposals (no personal data)",
    tags,
    isPublic: true,
    params: Type.Object({ code: Type.String({ pattern: '^\\d{6,20}$' }) }),
    response: PublicCommunitySchema,
  }),
  propose: endpoint({
    method: 'POST',
    path: '/api/public/proposals',
    summary: 'Propose a matter for your community (your phone proves you; it stays confidential)',
    description: 'The same proposal sent again from the same phone answers 200 with the first one (isNew false) instead of adding another.',
    tags,
    isPublic: true,
    successStatus: 201,
    isReplayable: true,
    body: PublicProposalBody,
    response: Type.Object({ proposalId: Type.String(), status: Type.String(), submittedAt: IsoDateTime, isNew: Type.Boolean() }),
  }),
  support: endpoint({
    method: 'POST',
    path: '/api/public/proposals/:id/support',
    summary: 'Support (附议) an open proposal: one support per phone',
    tags,
    isPublic: true,
    params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
    body: PublicSupportBody,
    response: Type.Object({ supportCount: Type.Integer(), isNew: Type.Boolean() }),
  }),
};
