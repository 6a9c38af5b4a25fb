// Which jiesu categories are offered as Open311 services: the administrator's curated list when
// there is one (open311_services), otherwise every active level-3 category (三级分类), its code as
// service_code, its level-1 name as group and its level-2 name as keyword.
import { DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { Category } from '../../repositories/category.repository';
import type { ServiceAttribute } from '../../repositories/open311.repository';
import type { GeoReportService } from './georeport';

export interface OfferedService {
  service: GeoReportService;
  categoryCode: string;
  attributes: ServiceAttribute[];
}

function lineage(byCode: Map<string, Category>, c: Category): Category[] {
  const chain: Category[] = [];
  for (let cur: Category | undefined = c; cur; cur = cur.parentCode ? byCode.get(cur.parentCode) : undefined) chain.unshift(cur);
  return chain;
}

export async function offeredServices(ctx: AppContext): Promise<OfferedService[]> {
  const categories = await ctx.repos.categories.listAll();
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const describe = (c: Category) => {
    const chain = lineage(byCode, c);
    return { group: chain[0]?.name ?? null, keywords: chain.length > 2 ? (chain[1]?.name ?? null) : null, path: chain.map((x) => x.name).join(' › ') };
  };
  if (await ctx.repos.open311.hasCuratedServices()) {
    const curated = await ctx.repos.open311.listServices();
    return curated.flatMap((s) => {
      const c = byCode.get(s.categoryCode);
      if (!c) return []; // its category was retired: no longer offered
      const d = describe(c);
      return [
        {
          categoryCode: c.code,
          attributes: s.attributes,
          service: {
            service_code: s.serviceCode,
            service_name: s.serviceName ?? c.name,
            description: s.description ?? d.path,
            metadata: s.attributes.length > 0,
            type: s.type,
            keywords: s.keywords ?? d.keywords,
            group: s.group ?? d.group,
          },
        },
      ];
    });
  }
  return categories
    .filter((c) => c.level === 3)
    .map((c) => {
      const d = describe(c);
      return {
        categoryCode: c.code,
        attributes: [],
        service: { service_code: c.code, service_name: c.name, description: d.path, metadata: false, type: 'realtime' as const, keywords: d.keywords, group: d.group },
      };
    });
}

export async function findOfferedService(ctx: AppContext, serviceCode: string, field = 'service_code'): Promise<OfferedService> {
  const found = (await offeredServices(ctx)).find((s) => s.service.service_code === serviceCode);
  if (!found) throw new DomainError('NOT_FOUND', `service_code ${serviceCode} is not a service offered here; GET services for the list.`, { field });
  return found;
}
