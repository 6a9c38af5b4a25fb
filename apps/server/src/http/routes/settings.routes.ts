import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CasePolicyBody, CasePolicyResponse, ErrorBody } from '@jiesu/contracts';
import { getCasePolicy, putCasePolicy } from '../../use-cases/settings/case-policy';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

export const settingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/case-policy', { schema: { tags: ['settings'], summary: 'Clocks per urgency, reminders, extensions, evidence and attachment limits', response: { 200: CasePolicyResponse, ...errors } } }, async () =>
    getCasePolicy(app.ctx),
  );
  app.put(
    '/case-policy',
    { schema: { tags: ['settings'], summary: 'Change the case policy (administrators); applies to clocks started afterwards', body: CasePolicyBody, response: { 200: CasePolicyResponse, ...errors } } },
    async (request) => putCasePolicy(app.ctx, { actor: request.actor, policy: request.body }),
  );
};
