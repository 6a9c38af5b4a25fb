// GET tokens/{token}: the service_request_id behind the token a POST returned. jiesu creates the
// case synchronously, so the id is always there; the endpoint exists for clients that follow the
// spec's asynchronous flow.
import { DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { GeoReportToken } from './georeport';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getRequestToken(ctx: AppContext, opts: { token: string }): Promise<GeoReportToken> {
  const found = UUID.test(opts.token) ? await ctx.repos.publicRequests.findByToken(opts.token.toLowerCase()) : null;
  if (!found || found.request.source !== 'open311') throw new DomainError('NOT_FOUND', `No request has the token ${opts.token}.`, { field: 'token' });
  return { token: found.request.token, service_request_id: found.caseNumber };
}
