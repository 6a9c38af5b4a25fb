// POST servicerequestupdates: the requester adds to their request through the client that
// submitted it — a comment appended to the case as a note (the same case action staff use),
// public in the request's history. Status cannot be changed this way: only the centre closes a case.
import { DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import { actOnCase } from '../cases/act-on-case';
import { authenticateApiKey } from './authenticate-api-key';
import { type GeoReportUpdate, isoInZone, openOrClosed } from './georeport';
import { jurisdiction, one, type Open311Params, required } from './params';

export async function postRequestUpdate(ctx: AppContext, opts: { params: Open311Params }): Promise<GeoReportUpdate> {
  const p = opts.params;
  jurisdiction(p, ctx.config.open311JurisdictionId);
  const { key, actor } = await authenticateApiKey(ctx, one(p, 'api_key'));
  const id = required(p, 'service_request_id');
  const description = required(p, 'description', 'Say what you want to add to the request.');
  if (description.length > 2000) throw new DomainError('VALIDATION_FAILED', 'description is at most 2000 characters.', { field: 'description' });
  const mediaUrl = one(p, 'media_url') ?? null;
  if (mediaUrl !== null && !/^https?:\/\/\S+$/.test(mediaUrl)) throw new DomainError('VALIDATION_FAILED', 'media_url must be an http(s) URL.', { field: 'media_url' });
  const [found] = await ctx.repos.publicRequests.listCases({ source: 'open311', caseNumbers: [id], limit: 1, offset: 0 });
  if (!found) throw new DomainError('NOT_FOUND', `No service request has the id ${id}.`, { field: 'service_request_id' });
  if (found.request.apiKeyId !== key.id) {
    throw new DomainError('FORBIDDEN', 'Only the client that submitted a request may post updates to it.', { field: 'api_key' });
  }
  const note = mediaUrl ? `${description}\n图片：${mediaUrl}` : description;
  const state = await actOnCase(ctx, { actor, caseId: found.state.id, command: { type: 'note', note } });
  const seq = state.eventCount;
  return {
    update_id: `${state.caseNumber}-${seq}`,
    service_request_id: state.caseNumber,
    status: openOrClosed(state),
    updated_datetime: isoInZone(ctx.now(), ctx.config.timeZone),
    description: `诉求人补充：${note}`,
    media_url: mediaUrl,
    jiesu_status: state.status,
  };
}
