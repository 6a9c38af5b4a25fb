// Endpoint descriptions of the Open311 set-up that administrators keep: API keys for client
// applications (issued once, revocable) and the curated services with their attribute definitions.
import { OPEN311_DATATYPES, OPEN311_SERVICE_TYPES } from '@jiesu/core';
import { Type } from 'typebox';
import { IsoDateTime, Nullable, StringEnum } from './common';
import { endpoint } from './endpoint';

const OptionalText = (max: number) => Type.Optional(Nullable(Type.String({ maxLength: max })));

export const ApiKeySchema = Type.Object({
  id: Type.String(),
  clientName: Type.String(),
  keyPrefix: Type.String(),
  contact: Nullable(Type.String()),
  createdBy: Type.String(),
  createdAt: IsoDateTime,
  revokedAt: Nullable(IsoDateTime),
  lastUsedAt: Nullable(IsoDateTime),
});

const AttributeValue = Type.Object({ key: Type.String({ minLength: 1, maxLength: 60 }), name: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });

export const Open311AttributeBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40 }),
    datatype: StringEnum(OPEN311_DATATYPES),
    variable: Type.Optional(Type.Boolean({ default: true })),
    required: Type.Optional(Type.Boolean({ default: false })),
    description: OptionalText(500),
    datatypeDescription: OptionalText(500),
    order: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 10_000 }))),
    values: Type.Optional(Type.Array(AttributeValue, { maxItems: 100 })),
  },
  { additionalProperties: false },
);

export const Open311ServiceBody = Type.Object(
  {
    categoryCode: Type.String({ minLength: 1, maxLength: 12 }),
    serviceName: OptionalText(200),
    description: OptionalText(1000),
    group: OptionalText(100),
    keywords: OptionalText(300),
    type: Type.Optional(StringEnum(OPEN311_SERVICE_TYPES)),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
    isActive: Type.Optional(Type.Boolean({ default: true })),
    attributes: Type.Optional(Type.Array(Open311AttributeBody, { maxItems: 50 })),
  },
  { additionalProperties: false },
);

const NullableString = Nullable(Type.String());

/** A curated service as saved: every default filled in. */
export const Open311ServiceSchema = Type.Object({
  serviceCode: Type.String(),
  categoryCode: Type.String(),
  serviceName: NullableString,
  description: NullableString,
  group: NullableString,
  keywords: NullableString,
  type: StringEnum(OPEN311_SERVICE_TYPES),
  sortOrder: Type.Integer(),
  isActive: Type.Boolean(),
  attributes: Type.Array(
    Type.Object({
      code: Type.String(),
      datatype: StringEnum(OPEN311_DATATYPES),
      variable: Type.Boolean(),
      required: Type.Boolean(),
      description: NullableString,
      datatypeDescription: NullableString,
      order: Nullable(Type.Integer()),
      values: Type.Array(Type.Object({ key: Type.String(), name: Type.String() })),
    }),
  ),
});

const KeyParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const OPEN311_ADMIN_ENDPOINTS = {
  keys: endpoint({ method: 'GET', path: '/api/open311/keys', summary: 'API keys issued to Open311 clients', tags: ['open311'], response: Type.Array(ApiKeySchema) }),
  issueKey: endpoint({
    method: 'POST',
    path: '/api/open311/keys',
    summary: 'Issue an API key to a client application (the key is shown only in this reply)',
    tags: ['open311'],
    successStatus: 201,
    body: Type.Object({ clientName: Type.String({ minLength: 1, maxLength: 100 }), contact: OptionalText(200) }, { additionalProperties: false }),
    response: Type.Object({ ...ApiKeySchema.properties, apiKey: Type.String() }),
  }),
  revokeKey: endpoint({ method: 'DELETE', path: '/api/open311/keys/:id', summary: 'Revoke an API key', tags: ['open311'], params: KeyParams, response: ApiKeySchema }),
  saveService: endpoint({
    method: 'PUT',
    path: '/api/open311/services/:serviceCode',
    summary: 'Offer a category as an Open311 service (once any is curated, only curated services are offered)',
    tags: ['open311'],
    params: Type.Object({ serviceCode: Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' }) }),
    body: Open311ServiceBody,
    response: Open311ServiceSchema,
  }),
  removeService: endpoint({
    method: 'DELETE',
    path: '/api/open311/services/:serviceCode',
    summary: 'Stop offering a curated service',
    tags: ['open311'],
    successStatus: 204,
    params: Type.Object({ serviceCode: Type.String({ minLength: 1, maxLength: 40 }) }),
    response: Type.Null(),
  }),
};
