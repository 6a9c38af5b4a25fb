// GET services/{service_code}: the attributes a client must (or may) send with a request.
import type { AppContext } from '../../context';
import type { GeoReportServiceDefinition } from './georeport';
import { findOfferedService } from './offered-services';

export async function getServiceDefinition(ctx: AppContext, opts: { serviceCode: string }): Promise<GeoReportServiceDefinition> {
  const s = await findOfferedService(ctx, opts.serviceCode);
  return {
    service_code: s.service.service_code,
    attributes: [...s.attributes]
      .sort((a, b) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER))
      .map((a) => ({
        variable: a.variable,
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        datatype_description: a.datatypeDescription,
        order: a.order,
        description: a.description,
        ...(a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist' ? { values: a.values } : {}),
      })),
  };
}
