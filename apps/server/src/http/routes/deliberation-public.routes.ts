// The portal's deliberation API under /api/public/ (no login, rate-limited per client like the
// other public routes): find a community, its public page, submit a proposal, support one —
// registered from PUBLIC_GOVERNANCE_ENDPOINTS.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, PUBLIC_GOVERNANCE_ENDPOINTS } from '@jiesu/contracts';
import { findPublicCommunities } from '../../use-cases/deliberation/find-public-communities';
import { getPublicCommunity } from '../../use-cases/deliberation/get-public-community';
import { submitProposal } from '../../use-cases/deliberation/submit-proposal';
import { supportProposal } from '../../use-cases/deliberation/support-proposal';
import { routeEndpoint } from '../endpoint-route';

const E = PUBLIC_GOVERNANCE_ENDPOINTS;
const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody };

export const deliberationPublicRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const route = { prefix: '/api/public', errors, config: { rateLimit: { max: app.ctx.config.publicRateLimit, timeWindow: '1 minute' } } };
  routeEndpoint(app, E.communities, route, async (r) => findPublicCommunities(app.ctx, { q: r.query.q }));
  routeEndpoint(app, E.community, route, async (r) => getPublicCommunity(app.ctx, { communityCode: r.params.code }));
  routeEndpoint(app, E.propose, route, async (r) => {
    const res = await submitProposal(app.ctx, { submission: r.body });
    return { body: res, isNew: res.isNew };
  });
  routeEndpoint(app, E.support, route, async (r) => supportProposal(app.ctx, { proposalId: r.params.id, phone: r.body.phone }));
};
