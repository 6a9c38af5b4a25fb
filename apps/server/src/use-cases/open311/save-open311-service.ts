// An administrator offers a category as an Open311 service (or changes one): its code, names,
// group, keywords and attribute definitions. Once any service is curated, only curated ones are offered.
import { type Actor, DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import { type CuratedService, OPEN311_DATATYPES, type ServiceAttribute } from '../../repositories/open311.repository';
import { requireRole } from '../require';

function invalid(field: string, message: string): never {
  throw new DomainError('VALIDATION_FAILED', message, { field });
}

export function checkAttributes(attributes: readonly ServiceAttribute[]): ServiceAttribute[] {
  const seen = new Set<string>();
  return attributes.map((a, i) => {
    const field = `body.attributes[${i}]`;
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(a.code)) invalid(`${field}.code`, `${field}.code must be 1–40 letters, digits, _ or -.`);
    if (seen.has(a.code)) invalid(`${field}.code`, `Attribute code ${a.code} is used twice.`);
    seen.add(a.code);
    if (!(OPEN311_DATATYPES as readonly string[]).includes(a.datatype)) invalid(`${field}.datatype`, `${field}.datatype must be one of ${OPEN311_DATATYPES.join(', ')}.`);
    const isList = a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist';
    if (isList && a.values.length === 0) invalid(`${field}.values`, `A ${a.datatype} needs at least one value.`);
    if (!isList && a.values.length > 0) invalid(`${field}.values`, `Only list attributes have values.`);
    return { ...a, values: a.values.map((v) => ({ key: v.key, name: v.name })) };
  });
}

export async function saveOpen311Service(ctx: AppContext, opts: { actor: Actor; service: CuratedService }): Promise<CuratedService> {
  requireRole(opts.actor, 'administrator');
  const s = opts.service;
  const category = await ctx.repos.categories.findByCode(s.categoryCode);
  if (!category || !category.isActive) throw new DomainError('CATEGORY_NOT_FOUND', `No active category has the code ${s.categoryCode}.`, { field: 'body.categoryCode' });
  const service: CuratedService = { ...s, attributes: checkAttributes(s.attributes) };
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repos.open311.upsertService(service, opts.actor.username, trx);
    await ctx.repos.audit.record(
      opts.actor,
      { action: 'open311.service_saved', targetType: 'open311_service', targetId: s.serviceCode, data: { categoryCode: s.categoryCode } },
      trx,
    );
  });
  return service;
}
