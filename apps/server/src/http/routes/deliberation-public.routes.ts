// The portal's deliberation API under /api/public/ (no login, rate-limited per client like the
// other public routes): find a community, its public page, submit a proposal, support one.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, PublicCommunitySchema, PublicProposalBody, PublicSupportBody } from '@jiesu/contracts';
import { Type } from 'typebox';
import { findPublicCommunities } from '../../use-cases/deliberation/find-public-communities';
import { getPublicCommunity } from '../../use-cases/deliberation/get-public-community';
import { submitProposal } from '../../use-cases/deliberation/submit-proposal';
import { supportProposal } from '../../use-cases/deliberation/support-proposal';

const tags = ['public'];
const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody };

export const deliberationPublicRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const config = { rateLimit: { max: app.ctx.config.publicRateLimit, timeWindow: '1 minute' } };

  app.get(
    '/communities',
    {
      config,
      schema: {
        tags,
        security: [],
        summary: 'Find a community by name',
        querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false }),
        response: { 200: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), streetName: Type.Union([Type.String(), Type.Null()]) })), ...errors },
      },
    },
    async (r) => findPublicCommunities(app.ctx, { q: r.query.q }),
  );
  app.get(
    '/communities/:code/deliberation',
    {
      config,
      schema: {
        tags,
        security: [],
        summary: "A community's meetings, decisions, tasks and proposals (no personal data)",
        params: Type.Object({ code: Type.String({ pattern: '^\\d{6,20}$' }) }),
        response: { 200: PublicCommunitySchema, ...errors },
      },
    },
    async (r) => getPublicCommunity(app.ctx, { communityCode: r.params.code }),
  );
  app.post(
    '/proposals',
    {
      config,
      schema: {
        tags,
        security: [],
        summary: 'Propose a matter for your community (your phone proves you; it stays confidential)',
        body: PublicProposalBody,
        response: {
          200: Type.Unknown(),
          201: Type.Object({ proposalId: Type.String(), status: Type.String(), submittedAt: Type.Unsafe<Date>({ type: 'string', format: 'date-time' }), isNew: Type.Boolean() }),
          ...errors,
        },
      },
    },
    async (r, reply) => {
      const res = await submitProposal(app.ctx, { submission: r.body });
      return reply.status(res.isNew ? 201 : 200).send(res);
    },
  );
  app.post(
    '/proposals/:id/support',
    {
      config,
      schema: {
        tags,
        security: [],
        summary: 'Support (附议) an open proposal: one support per phone',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: PublicSupportBody,
        response: { 200: Type.Object({ supportCount: Type.Integer(), isNew: Type.Boolean() }), ...errors },
      },
    },
    async (r) => supportProposal(app.ctx, { proposalId: r.params.id, phone: r.body.phone }),
  );
};
