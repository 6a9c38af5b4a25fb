// What the case use cases share: the case policy (from configuration), a decision context for an
// actor, unit and attachment resolution, the location path, and the system actor the sweep uses.
import { type Actor, type CaseAttachment, type CasePolicy, type DecisionContext, DomainError, type DutyLists, type UnitRef } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { Tx } from '../../repositories';

/** The policy in force as last loaded (synchronous callers: limits, time zone). */
export function casePolicy(ctx: AppContext): CasePolicy {
  return ctx.casePolicy.current();
}

export async function decisionContext(ctx: AppContext, actor: Actor, extra: { dutyLists?: DutyLists } = {}): Promise<DecisionContext> {
  return { now: ctx.now(), actor, calendar: await ctx.calendar.get(), policy: await ctx.casePolicy.get(), ...extra };
}

/** Units named by code, as the decider needs them; an unknown or inactive code is refused. */
export async function resolveUnits(ctx: AppContext, codes: readonly string[], field: string, trx?: Tx): Promise<UnitRef[]> {
  const unique = [...new Set(codes)];
  const found = await ctx.unitDirectory.findMany(unique, trx);
  const byCode = new Map(found.map((u) => [u.code, u]));
  return codes.map((code, i) => {
    const u = byCode.get(code);
    if (!u || !u.isActive) throw new DomainError('UNIT_NOT_FOUND', `No active unit has the code ${code}.`, { field: `${field}[${i}]`, code });
    return { code: u.code, name: u.name, path: u.path, class: u.class };
  });
}

export async function resolveUnit(ctx: AppContext, code: string, field: string, trx?: Tx): Promise<UnitRef> {
  const [u] = await resolveUnits(ctx, [code], field, trx);
  return u as UnitRef;
}

/** Metadata of uploaded files named by id. */
export async function resolveAttachments(ctx: AppContext, ids: readonly string[] | undefined, trx?: Tx): Promise<CaseAttachment[]> {
  if (!ids || ids.length === 0) return [];
  const found = await ctx.repos.attachments.findByIds(ids, trx);
  const byId = new Map(found.map((a) => [a.id, a]));
  const resolved = ids.map((id, i) => {
    const r = byId.get(id.toLowerCase());
    if (!r) throw new DomainError('NOT_FOUND', `No uploaded file has the id ${id}; upload it first.`, { field: `attachmentIds[${i}]` });
    return { id: r.id, kind: r.kind, mimeType: r.mimeType, sizeBytes: r.sizeBytes, name: r.name ?? null };
  });
  // a record now uses them: they no longer expire as orphan uploads
  await ctx.repos.attachments.markLinked(
    resolved.map((a) => a.id),
    ctx.now(),
    trx,
  );
  return resolved;
}

/**
 * Gives a case the files its action carries: each must be the case's already, or an upload of the
 * actor's that no case holds yet — so nobody gains a view of another's file by naming its id.
 */
export async function claimAttachmentsForCase(ctx: AppContext, opts: { caseId: string; actor: Actor; ids: readonly string[] }, trx?: Tx): Promise<void> {
  const refused = await ctx.repos.attachments.claimForCase([...new Set(opts.ids)], opts.caseId, opts.actor.username, ctx.now(), trx);
  if (refused.length > 0) {
    throw new DomainError('VALIDATION_FAILED', `The file ${refused[0]} belongs to another case or was uploaded by someone else; upload it yourself.`, { field: 'attachmentIds' });
  }
}

/** The path of the most specific division of a location, checking the codes agree with each other. */
export async function locationPath(
  ctx: AppContext,
  loc: { districtCode: string | null; streetCode: string | null; communityCode: string | null },
  trx?: Tx,
): Promise<string | null> {
  const levels: Array<[string | null, string, string]> = [
    [loc.communityCode, 'community', 'location.communityCode'],
    [loc.streetCode, 'street', 'location.streetCode'],
    [loc.districtCode, 'district', 'location.districtCode'],
  ];
  let deepest: string | null = null;
  for (const [code, cls, field] of levels) {
    if (!code) continue;
    const u = await ctx.unitDirectory.find(code, trx);
    if (!u || u.class !== cls) throw new DomainError('UNIT_NOT_FOUND', `${code} is not a ${cls} code.`, { field, code });
    if (deepest !== null && !deepest.startsWith(u.path)) {
      throw new DomainError('VALIDATION_FAILED', `${field} ${code} does not contain the more specific location given.`, { field });
    }
    deepest ??= u.path;
  }
  return deepest;
}

/** The actor the server's own jobs run as, at the centre: supervisor for clock sweeps, evaluator for scoring. */
export async function systemActor(ctx: AppContext, roles: Actor['roles'] = ['supervisor']): Promise<Actor> {
  const centre = (await ctx.repos.units.list({ scopePath: '/', class: 'centre', limit: 1, offset: 0 })).items[0];
  if (!centre) throw new Error('no centre unit: seed the organisation first');
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'system',
    displayName: '系统督办',
    unitCode: centre.code,
    unitPath: centre.path,
    unitClass: 'centre',
    roles,
  };
}

/** Refuses, before anything is written, files that are another case's or someone else's upload. */
export async function assertAttachmentsClaimable(ctx: AppContext, opts: { actor: Actor; ids: readonly string[] }, trx?: Tx): Promise<void> {
  if (opts.ids.length === 0) return;
  const found = await ctx.repos.attachments.findByIds(opts.ids, trx);
  const bad = found.find((a) => a.caseId !== null || a.uploadedBy !== opts.actor.username);
  if (bad)
    throw new DomainError('VALIDATION_FAILED', `The file ${bad.id} belongs to another case or was uploaded by someone else; upload it yourself.`, { field: 'attachmentIds' });
}
