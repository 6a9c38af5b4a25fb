// POST requests: an Open311 client submits a service request for a resident. The api_key names
// the client; the request is taken in synchronously (jiesu numbers the case at once), so the reply
// carries the service_request_id as well as a token for GET tokens/{token}.
import { DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { ServiceAttribute } from '../../repositories/open311.repository';
import { takeInPublicRequest } from '../public/take-in-public-request';
import { resolvePublicLocation } from '../public/resolve-public-location';
import { authenticateApiKey } from './authenticate-api-key';
import type { GeoReportRequest } from './georeport';
import { attributes as attributeParams, jurisdiction, number, one, type Open311Params, required } from './params';
import { findOfferedService } from './offered-services';
import { getServiceRequest } from './get-service-request';

export const SERVICE_NOTICE = '诉求已受理，将在规定时限内派至承办单位办理。Request received; it will be dispatched to the responsible unit within the set time.';

function invalid(field: string, message: string): never {
  throw new DomainError('VALIDATION_FAILED', message, { field });
}

/** Checks the answers against the service definition; returns them by code (lists as arrays). */
export function checkAttributeAnswers(defs: readonly ServiceAttribute[], given: Map<string, string[]>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const byCode = new Map(defs.map((d) => [d.code, d]));
  for (const code of given.keys()) {
    const d = byCode.get(code);
    if (!d || !d.variable) invalid(`attribute[${code}]`, `attribute[${code}] is not an attribute of this service; see GET services/{service_code}.`);
  }
  for (const d of defs) {
    if (!d.variable) continue;
    const field = `attribute[${d.code}]`;
    const values = given.get(d.code) ?? [];
    if (values.length === 0) {
      if (d.required) invalid(field, `${field} is required for this service.`);
      continue;
    }
    const keys = new Set(d.values.map((v) => v.key));
    switch (d.datatype) {
      case 'multivaluelist':
        for (const v of values) if (!keys.has(v)) invalid(field, `${field} value "${v}" is not one of ${[...keys].join(', ')}.`);
        out[d.code] = values;
        continue;
      case 'singlevaluelist':
        if (values.length > 1) invalid(field, `${field} takes one value.`);
        if (!keys.has(values[0] as string)) invalid(field, `${field} must be one of ${[...keys].join(', ')}.`);
        break;
      case 'number':
        if (!Number.isFinite(Number(values[0]))) invalid(field, `${field} must be a number.`);
        break;
      case 'datetime':
        if (Number.isNaN(Date.parse(values[0] as string))) invalid(field, `${field} must be an ISO 8601 datetime.`);
        break;
      case 'string':
      case 'text':
        if ((values[0] as string).length > (d.datatype === 'string' ? 200 : 2000)) invalid(field, `${field} is too long.`);
        break;
    }
    if (values.length > 1) invalid(field, `${field} takes one value.`);
    out[d.code] = values[0] as string;
  }
  return out;
}

function mediaUrlOf(p: Open311Params): string | null {
  const v = one(p, 'media_url');
  if (v === undefined) return null;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    invalid('media_url', 'media_url must be an absolute http(s) URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') invalid('media_url', 'media_url must be an http(s) URL.');
  if (v.length > 2000) invalid('media_url', 'media_url is too long.');
  return v;
}

export async function submitServiceRequest(ctx: AppContext, opts: { params: Open311Params }): Promise<GeoReportRequest & { token: string }> {
  const p = opts.params;
  jurisdiction(p, ctx.config.open311JurisdictionId);
  const { key, actor } = await authenticateApiKey(ctx, one(p, 'api_key'));
  const serviceCode = required(p, 'service_code', 'GET services for the list.');
  let offered;
  try {
    offered = await findOfferedService(ctx, serviceCode);
  } catch (e) {
    if (e instanceof DomainError) invalid('service_code', e.message);
    throw e;
  }
  const lat = number(p, 'lat', -90, 90);
  const long = number(p, 'long', -180, 180);
  if ((lat === undefined) !== (long === undefined)) invalid(lat === undefined ? 'lat' : 'long', 'Send lat and long together.');
  const addressString = one(p, 'address_string');
  const addressId = one(p, 'address_id') ?? null;
  if (lat === undefined && addressString === undefined && addressId === null) {
    invalid('address_string', 'A location is required: lat and long, address_string or address_id.');
  }
  if (addressString && addressString.length > 300) invalid('address_string', 'address_string is at most 300 characters.');
  const description = one(p, 'description') ?? '';
  if (description.length > 4000) invalid('description', 'description is at most 4000 characters.');
  const answers = checkAttributeAnswers(offered.attributes, attributeParams(p));
  const mediaUrl = mediaUrlOf(p);
  const phone = one(p, 'phone') ?? null;
  const name = [one(p, 'last_name'), one(p, 'first_name')].filter(Boolean).join('') || null;

  const coordinates = lat !== undefined && long !== undefined ? { lat, lng: long } : null;
  const address = addressString ?? (coordinates ? `经纬度 ${coordinates.lat}, ${coordinates.lng}` : `地址编号 ${addressId}`);
  const location = await resolvePublicLocation(ctx, address, coordinates);
  const answerLines = offered.attributes
    .filter((a) => answers[a.code] !== undefined)
    .map((a) => {
      const names = ([] as string[]).concat(answers[a.code] as string | string[]).map((v) => a.values.find((x) => x.key === v)?.name ?? v);
      return `${a.description ?? a.code}：${names.join('、')}`;
    });
  const detail = [description, ...answerLines, mediaUrl ? `图片：${mediaUrl}` : ''].filter(Boolean).join('\n');
  const serviceName = offered.service.service_name;
  const { state, token } = await takeInPublicRequest(ctx, {
    actor,
    source: 'open311',
    intake: {
      channel: 'open311',
      kind: 'help',
      categoryCode: offered.categoryCode,
      urgency: 'general',
      requester: { name, phone, isAnonymous: false },
      subject: description ? `${serviceName}：${description.slice(0, 40)}` : serviceName,
      detail: detail || serviceName,
      location,
    },
    serviceCode: offered.service.service_code,
    apiKeyId: key.id,
    mediaUrl,
    addressId,
    attributes: answers,
    trackingHash: null,
  });
  const presented = await getServiceRequest(ctx, { serviceRequestId: state.caseNumber, withExtensions: false });
  return { ...presented, service_notice: SERVICE_NOTICE, token };
}
