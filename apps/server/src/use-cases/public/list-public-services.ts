// The categories a resident can choose on the portal: the same list Open311 clients get.
import type { AppContext } from '../../context';
import { offeredServices } from '../open311/offered-services';

export interface PublicService {
  serviceCode: string;
  name: string;
  group: string | null;
  description: string | null;
}

export async function listPublicServices(ctx: AppContext): Promise<PublicService[]> {
  return (await offeredServices(ctx)).map((s) => ({ serviceCode: s.service.service_code, name: s.service.service_name, group: s.service.group, description: s.service.description }));
}
