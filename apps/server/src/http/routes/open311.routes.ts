// Open311 GeoReport v2 under /open311/v2/ (outside the authenticated API): discovery, services,
// service definitions, requests (POST with an api_key), tokens, and the servicerequestupdates
// extension. Every route is rate-limited per client IP with the public limit; errors leave as the
// spec's list of {code, description}, in the format of the URL's extension.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError } from '@jiesu/core';
import type { FastifyError, FastifyRequest } from 'fastify';
import { getRequestToken } from '../../use-cases/open311/get-request-token';
import { getServiceDefinition } from '../../use-cases/open311/get-service-definition';
import { getServiceRequest } from '../../use-cases/open311/get-service-request';
import { listRequestUpdates } from '../../use-cases/open311/list-request-updates';
import { listServiceRequests } from '../../use-cases/open311/list-service-requests';
import { listServices } from '../../use-cases/open311/list-services';
import { flag, jurisdiction, type Open311Params } from '../../use-cases/open311/params';
import { postRequestUpdate } from '../../use-cases/open311/post-request-update';
import { submitServiceRequest } from '../../use-cases/open311/submit-service-request';
import { statusOf } from '../error-status';
import { formatOfUrl, sendOpen311, sendOpen311Error, splitFormat } from '../open311-format';

/** When this implementation of the endpoint last changed (discovery's changeset). */
const CHANGESET = '2026-01-15T00:00:00+08:00';

function normalize(source: unknown): Open311Params {
  const out: Open311Params = {};
  if (source === null || typeof source !== 'object') return out;
  for (const [k, v] of Object.entries(source as Record<string, unknown>)) {
    if (v === undefined || v === null) continue;
    out[k] = Array.isArray(v) ? v.map(String) : String(v);
  }
  return out;
}

/** Query string and form body together; a body value wins over the same query parameter. */
function paramsOf(request: FastifyRequest): Open311Params {
  return { ...normalize(request.query), ...normalize(request.body) };
}

function parseForm(body: string): Open311Params {
  const out: Open311Params = {};
  for (const [k, v] of new URLSearchParams(body)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function notFound(what: string): never {
  throw new DomainError('NOT_FOUND', `${what} was not found; use a .json or .xml extension (e.g. services.xml).`);
}

export const open311Routes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = app.ctx;
  const config = { rateLimit: { max: ctx.config.publicRateLimit, timeWindow: '1 minute' } };
  const schema = { tags: ['open311'], security: [] };

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
    done(null, parseForm(body as string));
  });

  app.setErrorHandler((err: FastifyError | DomainError | Error, request, reply) => {
    const format = formatOfUrl(request.url);
    if (err instanceof DomainError) {
      return sendOpen311Error(reply, format, statusOf(err.code), err.message);
    }
    const fe = err as FastifyError;
    if (fe.statusCode === 429) return sendOpen311Error(reply, format, 429, 'Too many requests from this address; wait a minute and try again.');
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendOpen311Error(reply, format, 413, 'The request body is too large.');
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendOpen311Error(reply, format, 415, 'Send the request as application/x-www-form-urlencoded.');
    if (fe.statusCode !== undefined && fe.statusCode >= 400 && fe.statusCode < 500) return sendOpen311Error(reply, format, fe.statusCode, fe.message);
    request.log.error({ err }, 'unhandled Open311 error');
    return sendOpen311Error(reply, format, 500, 'Something went wrong on the server; the error has been logged.');
  });
  app.setNotFoundHandler((request, reply) => sendOpen311Error(reply, formatOfUrl(request.url), 404, `No GeoReport v2 resource at ${request.method} ${request.url.split('?')[0]}.`));

  app.get('/:file', { config, schema: { ...schema, summary: 'discovery.{fmt}, services.{fmt}, requests.{fmt}, servicerequestupdates.{fmt}' } }, async (request, reply) => {
    const { file } = request.params as { file: string };
    const f = splitFormat(file);
    if (!f) notFound(file);
    const params = paramsOf(request);
    switch (f.name) {
      case 'discovery': {
        const url = `${request.protocol}://${request.host}/open311/v2/`;
        const body = {
          changeset: CHANGESET,
          contact: '12345 市民服务热线 · jiesu',
          key_service: 'API keys are issued by the 12345 centre’s administrator (see docs/open311.md in jiesu)',
          endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url, changeset: CHANGESET, type: 'production', formats: ['text/xml', 'application/json'] }],
        };
        return sendOpen311(reply, f.format, 'discovery', undefined, body);
      }
      case 'services':
        jurisdiction(params, ctx.config.open311JurisdictionId);
        return sendOpen311(reply, f.format, 'services', 'service', await listServices(ctx));
      case 'requests':
        return sendOpen311(reply, f.format, 'service_requests', 'request', await listServiceRequests(ctx, { params }));
      case 'servicerequestupdates':
        return sendOpen311(reply, f.format, 'service_request_updates', 'request_update', await listRequestUpdates(ctx, { params }));
      default:
        return notFound(file);
    }
  });

  app.get('/services/:file', { config, schema: { ...schema, summary: 'services/{service_code}.{fmt}: a service definition' } }, async (request, reply) => {
    const f = splitFormat((request.params as { file: string }).file);
    if (!f) notFound('that service');
    jurisdiction(paramsOf(request), ctx.config.open311JurisdictionId);
    return sendOpen311(reply, f.format, 'service_definition', undefined, await getServiceDefinition(ctx, { serviceCode: f.name }));
  });

  app.get('/requests/:file', { config, schema: { ...schema, summary: 'requests/{service_request_id}.{fmt}' } }, async (request, reply) => {
    const f = splitFormat((request.params as { file: string }).file);
    if (!f) notFound('that request');
    const params = paramsOf(request);
    jurisdiction(params, ctx.config.open311JurisdictionId);
    const r = await getServiceRequest(ctx, { serviceRequestId: f.name, withExtensions: flag(params, 'extensions') });
    return sendOpen311(reply, f.format, 'service_requests', 'request', [r]);
  });

  app.get('/tokens/:file', { config, schema: { ...schema, summary: 'tokens/{token}.{fmt}' } }, async (request, reply) => {
    const f = splitFormat((request.params as { file: string }).file);
    if (!f) notFound('that token');
    jurisdiction(paramsOf(request), ctx.config.open311JurisdictionId);
    return sendOpen311(reply, f.format, 'service_requests', 'request', [await getRequestToken(ctx, { token: f.name })]);
  });

  app.post('/:file', { config, schema: { ...schema, summary: 'POST requests.{fmt} (api_key), POST servicerequestupdates.{fmt} (api_key)' } }, async (request, reply) => {
    const file = (request.params as { file: string }).file;
    const f = splitFormat(file);
    if (!f) notFound(file);
    const params = paramsOf(request);
    if (f.name === 'requests') {
      const r = await submitServiceRequest(ctx, { params });
      return sendOpen311(reply, f.format, 'service_requests', 'request', [r]);
    }
    if (f.name === 'servicerequestupdates') {
      const u = await postRequestUpdate(ctx, { params });
      return sendOpen311(reply, f.format, 'service_request_updates', 'request_update', [u]);
    }
    return notFound(file);
  });
};
