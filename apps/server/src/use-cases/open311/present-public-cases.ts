// Turns stored public cases into GeoReport requests: service names from the offered services
// (falling back to the category's name), history only when extensions are asked for.
import type { AppContext } from '../../context';
import type { PublicCase } from '../../repositories/public-request.repository';
import { historyLike } from '../public/public-history';
import { type GeoReportRequest, presentRequest } from './georeport';
import { offeredServices } from './offered-services';

export async function presentPublicCases(ctx: AppContext, cases: readonly PublicCase[], withExtensions: boolean): Promise<GeoReportRequest[]> {
  if (cases.length === 0) return [];
  const names = new Map((await offeredServices(ctx)).map((s) => [s.service.service_code, s.service.service_name]));
  const out: GeoReportRequest[] = [];
  for (const c of cases) {
    const serviceCode = c.request.serviceCode ?? c.state.categoryCode;
    // Status notes come from the public history; the full list only with extensions=true.
    const history = historyLike(await ctx.repos.cases.history(c.state));
    out.push(
      presentRequest(c.state, {
        timeZone: ctx.config.timeZone,
        serviceCode,
        serviceName: names.get(serviceCode) ?? (await ctx.repos.categories.findByCode(c.state.categoryCode))?.name ?? null,
        mediaUrl: c.request.mediaUrl,
        addressId: c.request.addressId,
        updatedAt: c.updatedAt,
        history,
        withExtensions,
      }),
    );
  }
  return out;
}
