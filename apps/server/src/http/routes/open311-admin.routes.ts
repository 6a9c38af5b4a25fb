// Administration of the Open311 set-up (authenticated, administrators): API keys for client
// applications (issued once, revocable) and the curated list of services with their attributes.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, OPEN311_ADMIN_ENDPOINTS as E } from '@jiesu/contracts';
import type { ApiKey } from '../../repositories/open311.repository';
import { issueApiKey } from '../../use-cases/open311/issue-api-key';
import { listApiKeys } from '../../use-cases/open311/list-api-keys';
import { removeOpen311Service } from '../../use-cases/open311/remove-open311-service';
import { revokeApiKey } from '../../use-cases/open311/revoke-api-key';
import { saveOpen311Service } from '../../use-cases/open311/save-open311-service';
import { routeEndpoint } from '../endpoint-route';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

function presentKey(k: ApiKey) {
  return { ...k, createdAt: k.createdAt.toISOString(), revokedAt: k.revokedAt?.toISOString() ?? null, lastUsedAt: k.lastUsedAt?.toISOString() ?? null };
}

export const open311AdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const at = { prefix: '/api/open311', errors };

  routeEndpoint(app, E.keys, at, async (request) => (await listApiKeys(app.ctx, { actor: request.actor })).map(presentKey));

  routeEndpoint(app, E.issueKey, at, async (request) => {
    const k = await issueApiKey(app.ctx, { actor: request.actor, clientName: request.body.clientName, contact: request.body.contact ?? null });
    return { ...presentKey(k), apiKey: k.apiKey };
  });

  routeEndpoint(app, E.revokeKey, at, async (request) => presentKey(await revokeApiKey(app.ctx, { actor: request.actor, id: request.params.id })));

  routeEndpoint(app, E.saveService, at, async (request) => {
    const b = request.body;
    return saveOpen311Service(app.ctx, {
      actor: request.actor,
      service: {
        serviceCode: request.params.serviceCode,
        categoryCode: b.categoryCode,
        serviceName: b.serviceName ?? null,
        description: b.description ?? null,
        group: b.group ?? null,
        keywords: b.keywords ?? null,
        type: b.type ?? 'realtime',
        sortOrder: b.sortOrder ?? 0,
        isActive: b.isActive ?? true,
        attributes: (b.attributes ?? []).map((a) => ({
          code: a.code,
          datatype: a.datatype,
          variable: a.variable ?? true,
          required: a.required ?? false,
          description: a.description ?? null,
          datatypeDescription: a.datatypeDescription ?? null,
          order: a.order ?? null,
          values: a.values ?? [],
        })),
      },
    });
  });

  routeEndpoint(app, E.removeService, at, async (request) => {
    await removeOpen311Service(app.ctx, { actor: request.actor, serviceCode: request.params.serviceCode });
    return null;
  });
};
