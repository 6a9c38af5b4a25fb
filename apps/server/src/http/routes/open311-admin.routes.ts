// Administration of the Open311 set-up (authenticated, administrators): API keys for client
// applications (issued once, revocable) and the curated list of services with their attributes.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, StringEnum } from '@jiesu/contracts';
import { Type } from 'typebox';
import { OPEN311_DATATYPES, type ApiKey } from '../../repositories/open311.repository';
import { issueApiKey } from '../../use-cases/open311/issue-api-key';
import { listApiKeys } from '../../use-cases/open311/list-api-keys';
import { removeOpen311Service } from '../../use-cases/open311/remove-open311-service';
import { revokeApiKey } from '../../use-cases/open311/revoke-api-key';
import { saveOpen311Service } from '../../use-cases/open311/save-open311-service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const Nullable = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));

const ApiKeySchema = Type.Object({
  id: Type.String(),
  clientName: Type.String(),
  keyPrefix: Type.String(),
  contact: Type.Union([Type.String(), Type.Null()]),
  createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const AttributeBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40 }),
    datatype: StringEnum(OPEN311_DATATYPES),
    variable: Type.Optional(Type.Boolean({ default: true })),
    required: Type.Optional(Type.Boolean({ default: false })),
    description: Nullable(500),
    datatypeDescription: Nullable(500),
    order: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 10_000 }), Type.Null()])),
    values: Type.Optional(
      Type.Array(Type.Object({ key: Type.String({ minLength: 1, maxLength: 60 }), name: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }), {
        maxItems: 100,
      }),
    ),
  },
  { additionalProperties: false },
);

const ServiceBody = Type.Object(
  {
    categoryCode: Type.String({ minLength: 1, maxLength: 12 }),
    serviceName: Nullable(200),
    description: Nullable(1000),
    group: Nullable(100),
    keywords: Nullable(300),
    type: Type.Optional(StringEnum(['realtime', 'batch', 'blackbox'] as const)),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
    isActive: Type.Optional(Type.Boolean({ default: true })),
    attributes: Type.Optional(Type.Array(AttributeBody, { maxItems: 50 })),
  },
  { additionalProperties: false },
);

function presentKey(k: ApiKey) {
  return { ...k, createdAt: k.createdAt.toISOString(), revokedAt: k.revokedAt?.toISOString() ?? null, lastUsedAt: k.lastUsedAt?.toISOString() ?? null };
}

export const open311AdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/keys', { schema: { tags: ['open311'], summary: 'API keys issued to Open311 clients', response: { 200: Type.Array(ApiKeySchema), ...errors } } }, async (request) =>
    (await listApiKeys(app.ctx, { actor: request.actor })).map(presentKey),
  );

  app.post(
    '/keys',
    {
      schema: {
        tags: ['open311'],
        summary: 'Issue an API key to a client application (the key is shown only in this reply)',
        body: Type.Object({ clientName: Type.String({ minLength: 1, maxLength: 100 }), contact: Nullable(200) }, { additionalProperties: false }),
        response: { 201: Type.Intersect([ApiKeySchema, Type.Object({ apiKey: Type.String() })]), ...errors },
      },
    },
    async (request, reply) => {
      const k = await issueApiKey(app.ctx, { actor: request.actor, clientName: request.body.clientName, contact: request.body.contact ?? null });
      return reply.status(201).send({ ...presentKey(k), apiKey: k.apiKey });
    },
  );

  app.delete(
    '/keys/:id',
    { schema: { tags: ['open311'], summary: 'Revoke an API key', params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { 200: ApiKeySchema, ...errors } } },
    async (request) => presentKey(await revokeApiKey(app.ctx, { actor: request.actor, id: request.params.id })),
  );

  app.put(
    '/services/:serviceCode',
    {
      schema: {
        tags: ['open311'],
        summary: 'Offer a category as an Open311 service (once any is curated, only curated services are offered)',
        params: Type.Object({ serviceCode: Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' }) }),
        body: ServiceBody,
      },
    },
    async (request) => {
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
    },
  );

  app.delete(
    '/services/:serviceCode',
    { schema: { tags: ['open311'], summary: 'Stop offering a curated service', params: Type.Object({ serviceCode: Type.String({ minLength: 1, maxLength: 40 }) }) } },
    async (request, reply) => {
      await removeOpen311Service(app.ctx, { actor: request.actor, serviceCode: request.params.serviceCode });
      return reply.status(204).send();
    },
  );
};
