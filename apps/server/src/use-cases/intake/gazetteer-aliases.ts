// Gazetteer aliases (roads, landmarks, estates → a district, street or community): read by intake
// staff, added and removed by administrators, checked by building the gazetteer with them.
import { type Actor, type AliasKind, buildGazetteer, DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import { asBodyField } from '../body-field';
import { requireRole } from '../require';

export async function listGazetteerAliases(ctx: AppContext, opts: { actor: Actor }) {
  requireRole(opts.actor, 'administrator', 'operator', 'dispatcher');
  return { items: await ctx.repos.intake.listAliases() };
}

export async function addGazetteerAlias(ctx: AppContext, opts: { actor: Actor; alias: string; unitCode: string; kind: AliasKind }) {
  requireRole(opts.actor, 'administrator');
  const alias = opts.alias.trim();
  const unit = await ctx.repos.units.findByCode(opts.unitCode);
  if (!unit) throw new DomainError('UNIT_NOT_FOUND', `No unit has the code ${opts.unitCode}.`, { field: 'body.unitCode' });
  // The gazetteer's own checks (an active district, street or community; two characters at least).
  asBodyField(() => buildGazetteer([unit], [{ alias, unitCode: opts.unitCode, kind: opts.kind }]));
  const id = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await ctx.repos.intake.insertAlias({ alias, unitCode: opts.unitCode, kind: opts.kind }, opts.actor.username, trx);
    if (inserted === null) throw new DomainError('CONFLICT', `'${alias}' is already an alias of ${unit.name}.`, { field: 'body.alias' });
    await ctx.repos.audit.record(
      opts.actor,
      { action: 'intake.alias.add', targetType: 'gazetteer_alias', targetId: String(inserted), data: { alias, unitCode: opts.unitCode, kind: opts.kind } },
      trx,
    );
    return inserted;
  });
  ctx.intake.reloadReference();
  return { id, alias, unitCode: opts.unitCode, unitName: unit.name, kind: opts.kind };
}

export async function removeGazetteerAlias(ctx: AppContext, opts: { actor: Actor; id: number }): Promise<void> {
  requireRole(opts.actor, 'administrator');
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await ctx.repos.intake.deleteAlias(opts.id, trx);
    if (removed === null) throw new DomainError('NOT_FOUND', `No gazetteer alias has the id ${opts.id}.`, { field: 'id' });
    await ctx.repos.audit.record(opts.actor, { action: 'intake.alias.remove', targetType: 'gazetteer_alias', targetId: String(opts.id), data: removed }, trx);
  });
  ctx.intake.reloadReference();
}
