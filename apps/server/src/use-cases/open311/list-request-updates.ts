// GET servicerequestupdates (the widely used update extension): the public history of requests
// submitted through Open311 in a window (default: the last 90 days; at most 1000 updates).
import { CASE_STATUS_INFO, type CaseState, DomainError, isCaseStatus } from '@jiesu/core';
import type { AppContext } from '../../context';
import { publicText } from '../public/public-history';
import { type GeoReportUpdate, isoInZone, parseW3cDate } from './georeport';
import { DEFAULT_WINDOW_DAYS, MAX_PAGE_SIZE } from './list-service-requests';
import { jurisdiction, one, type Open311Params } from './params';

const DAY_MS = 86_400_000;

export async function listRequestUpdates(ctx: AppContext, opts: { params: Open311Params }): Promise<GeoReportUpdate[]> {
  const p = opts.params;
  jurisdiction(p, ctx.config.open311JurisdictionId);
  const tz = ctx.config.timeZone;
  const startRaw = one(p, 'start_date');
  const endRaw = one(p, 'end_date');
  const end = endRaw ? parseW3cDate(endRaw, 'end_date', tz) : ctx.now();
  const start = startRaw ? parseW3cDate(startRaw, 'start_date', tz) : new Date(end.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS);
  if (end < start) throw new DomainError('VALIDATION_FAILED', 'end_date is before start_date.', { field: 'end_date' });
  const rows = await ctx.repos.publicRequests.historyBetween({ source: 'open311', from: start, to: end, limit: MAX_PAGE_SIZE * 4 });
  const states = new Map<string, CaseState>();
  const out: GeoReportUpdate[] = [];
  for (const r of rows) {
    let state = states.get(r.caseId);
    if (!state) {
      state = (await ctx.repos.cases.load(r.caseId))?.state;
      if (!state) continue;
      states.set(r.caseId, state);
    }
    const text = publicText(r, state);
    if (text === null || !isCaseStatus(r.toStatus)) continue;
    out.push({
      update_id: `${r.caseNumber}-${r.seq}`,
      service_request_id: r.caseNumber,
      status: CASE_STATUS_INFO[r.toStatus].isOpen ? 'open' : 'closed',
      updated_datetime: isoInZone(r.at, tz),
      description: text,
      media_url: null,
      jiesu_status: r.toStatus,
    });
    if (out.length >= MAX_PAGE_SIZE) break;
  }
  return out;
}
