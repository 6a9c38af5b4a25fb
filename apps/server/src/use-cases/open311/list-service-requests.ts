// GET requests: requests submitted through Open311, newest first. With service_request_id the
// other filters are ignored (as the spec says); otherwise the window defaults to the last 90 days
// and a page to 1000 requests.
import { CASE_STATUSES, CASE_STATUS_INFO, DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import { type GeoReportRequest, parseW3cDate } from './georeport';
import { flag, integer, jurisdiction, list, one, type Open311Params } from './params';
import { presentPublicCases } from './present-public-cases';

export const DEFAULT_WINDOW_DAYS = 90;
export const MAX_PAGE_SIZE = 1000;
const DAY_MS = 86_400_000;

export function statusesFor(values: readonly string[]): string[] {
  const wanted = new Set<string>();
  for (const v of values) {
    if (v !== 'open' && v !== 'closed') throw new DomainError('VALIDATION_FAILED', `status must be open or closed (or both, comma-separated); got "${v}".`, { field: 'status' });
    for (const s of CASE_STATUSES) if (CASE_STATUS_INFO[s].isOpen === (v === 'open')) wanted.add(s);
  }
  return [...wanted];
}

export async function listServiceRequests(ctx: AppContext, opts: { params: Open311Params }): Promise<GeoReportRequest[]> {
  const p = opts.params;
  jurisdiction(p, ctx.config.open311JurisdictionId);
  const withExtensions = flag(p, 'extensions');
  const ids = list(p, 'service_request_id');
  if (ids) {
    if (ids.length > MAX_PAGE_SIZE) throw new DomainError('VALIDATION_FAILED', `At most ${MAX_PAGE_SIZE} service_request_id values.`, { field: 'service_request_id' });
    const found = await ctx.repos.publicRequests.listCases({ source: 'open311', caseNumbers: ids, limit: ids.length, offset: 0 });
    return presentPublicCases(ctx, found, withExtensions);
  }
  const tz = ctx.config.timeZone;
  const startRaw = one(p, 'start_date');
  const endRaw = one(p, 'end_date');
  let start = startRaw ? parseW3cDate(startRaw, 'start_date', tz) : null;
  let end = endRaw ? parseW3cDate(endRaw, 'end_date', tz) : null;
  if (start && end && end < start) throw new DomainError('VALIDATION_FAILED', 'end_date is before start_date.', { field: 'end_date' });
  if (start && end && end.getTime() - start.getTime() > DEFAULT_WINDOW_DAYS * DAY_MS) {
    throw new DomainError('VALIDATION_FAILED', `start_date and end_date may be at most ${DEFAULT_WINDOW_DAYS} days apart.`, { field: 'end_date' });
  }
  end ??= start ? new Date(start.getTime() + DEFAULT_WINDOW_DAYS * DAY_MS) : ctx.now();
  start ??= new Date(end.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS);
  const statusValues = list(p, 'status');
  const pageSize = integer(p, 'page_size', 1, MAX_PAGE_SIZE) ?? MAX_PAGE_SIZE;
  const page = integer(p, 'page', 1, 1_000_000) ?? 1;
  const found = await ctx.repos.publicRequests.listCases({
    source: 'open311',
    ...(list(p, 'service_code') ? { serviceCodes: list(p, 'service_code') as string[] } : {}),
    ...(statusValues ? { statuses: statusesFor(statusValues) } : {}),
    receivedFrom: start,
    receivedTo: end,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return presentPublicCases(ctx, found, withExtensions);
}
