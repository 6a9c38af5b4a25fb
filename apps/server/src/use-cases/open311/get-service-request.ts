// GET requests/{service_request_id}: one request submitted through Open311, by its id (the jiesu
// case number). Cases from other channels are not published here: their requesters never put
// them on a public feed.
import { DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { GeoReportRequest } from './georeport';
import { presentPublicCases } from './present-public-cases';

export async function getServiceRequest(ctx: AppContext, opts: { serviceRequestId: string; withExtensions: boolean }): Promise<GeoReportRequest> {
  const [found] = await ctx.repos.publicRequests.listCases({ source: 'open311', caseNumbers: [opts.serviceRequestId], limit: 1, offset: 0 });
  if (!found) throw new DomainError('NOT_FOUND', `No service request has the id ${opts.serviceRequestId}.`, { field: 'service_request_id' });
  const [presented] = await presentPublicCases(ctx, [found], opts.withExtensions);
  return presented as GeoReportRequest;
}
