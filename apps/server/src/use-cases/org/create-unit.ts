// Administrators add departments, enterprises and street sections (divisions come from the
// official tree and are not created by hand).
import { type Actor, assertInScope, childPath, DomainError, type Unit } from '@jiesu/core';
import type { AppContext } from '../../context';
import { requireRole } from '../require';

export const CREATABLE_UNIT_CLASSES = ['department', 'enterprise', 'section'] as const;
export type CreatableUnitClass = (typeof CREATABLE_UNIT_CLASSES)[number];

export async function createUnit(
  ctx: AppContext,
  opts: { actor: Actor; code: string; name: string; class: CreatableUnitClass; parentCode: string; kind?: string | null },
): Promise<Unit> {
  requireRole(opts.actor, 'administrator');
  const parent = await ctx.repos.units.findByCode(opts.parentCode);
  if (!parent) throw new DomainError('UNIT_NOT_FOUND', `No unit has the code ${opts.parentCode}.`, { code: opts.parentCode });
  assertInScope(opts.actor, parent.path);
  const allowedParents: Record<CreatableUnitClass, string[]> = {
    department: ['centre', 'district'],
    enterprise: ['centre', 'district'],
    section: ['street'],
  };
  if (!allowedParents[opts.class].includes(parent.class)) {
    throw new DomainError('VALIDATION_FAILED', `A ${opts.class} must belong to a ${allowedParents[opts.class].join(' or ')}, not a ${parent.class}.`, { field: 'parentCode' });
  }
  const unit: Unit = {
    code: opts.code,
    name: opts.name,
    class: opts.class,
    kind: opts.kind ?? null,
    parentCode: parent.code,
    path: childPath(parent.path, opts.code),
    isActive: true,
  };
  return ctx.db.transaction().execute(async (trx) => {
    const added = await ctx.repos.units.insertMissing([unit], trx);
    if (added === 0) throw new DomainError('UNIT_CODE_TAKEN', `The unit code ${opts.code} is already in use.`, { field: 'code' });
    await ctx.repos.audit.record(opts.actor, { action: 'unit.create', targetType: 'unit', targetId: unit.code, data: { ...unit } }, trx);
    ctx.unitDirectory.clear();
    return unit;
  });
}
