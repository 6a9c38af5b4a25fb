// The categories a resident can choose on the portal: the same list Open311 clients get.
import type { PUBLIC_ENDPOINTS, ReplyOf } from '@jiesu/contracts';
import type { AppContext } from '../../context';
import { offeredServices } from '../open311/offered-services';

export type PublicService = ReplyOf<typeof PUBLIC_ENDPOINTS.services>[number];

export async function listPublicServices(ctx: AppContext): Promise<PublicService[]> {
  return (await offeredServices(ctx)).map((s) => ({
    serviceCode: s.service.service_code,
    name: s.service.service_name,
    group: s.service.group,
    description: s.service.description,
  }));
}
