// GET services: the service list.
import type { AppContext } from '../../context';
import type { GeoReportService } from './georeport';
import { offeredServices } from './offered-services';

export async function listServices(ctx: AppContext): Promise<GeoReportService[]> {
  return (await offeredServices(ctx)).map((s) => s.service);
}
