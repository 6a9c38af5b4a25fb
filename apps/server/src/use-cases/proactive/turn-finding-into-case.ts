// A patrol's finding becomes a proactive case (主动发现): taken in through the same intake as any
// request (channel 'proactive'), so it gets a number, the dispatch clock, duty-list checks and the
// whole lifecycle; the patrol keeps the link. A retry with the same key returns the same case.
import { type Actor, type CaseKind, type CaseState, type CaseUrgency, DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import { takeInCase } from '../cases/take-in-case';
import { loadStreetAccess } from './proactive-access';

export interface FindingInput {
  categoryCode: string;
  subject: string;
  detail?: string;
  kind?: CaseKind;
  urgency?: CaseUrgency;
  address?: string;
  /** The resident concerned, when there is one (a home visit); otherwise the case has no requester. */
  requester?: { name?: string | null; phone?: string | null; isAnonymous?: boolean };
}

export async function turnFindingIntoCase(
  ctx: AppContext,
  opts: { actor: Actor; patrolId: string; finding: FindingInput; idempotencyKey?: string | null },
): Promise<{ state: CaseState; isNew: boolean }> {
  const patrol = await ctx.repos.patrols.findById(opts.patrolId);
  if (!patrol) throw new DomainError('PATROL_NOT_FOUND', `No patrol ${opts.patrolId}.`, { field: 'patrolId' });
  const access = await loadStreetAccess(ctx, opts.actor, patrol.streetCode);
  // A community's staff turn their own community's findings into cases; the street any of its own.
  if (access.communityCode !== null && access.communityCode !== patrol.communityCode) {
    throw new DomainError('OUT_OF_SCOPE', 'This patrol was in another community.', { field: 'patrolId' });
  }
  const [community, street] = await Promise.all([ctx.repos.units.findByCode(patrol.communityCode), ctx.repos.units.findByCode(patrol.streetCode)]);
  if (!community || !street) throw new DomainError('UNIT_NOT_FOUND', 'The patrol’s community is no longer known.', { field: 'patrolId' });
  const f = opts.finding;
  const category = await ctx.repos.categories.findByCode(f.categoryCode);
  if (!category || !category.isActive) throw new DomainError('CATEGORY_NOT_FOUND', `No active category has the code ${f.categoryCode}.`, { field: 'categoryCode' });
  const r = f.requester ?? {};
  const { state, isNew } = await takeInCase(ctx, {
    actor: opts.actor,
    intake: {
      channel: 'proactive',
      kind: f.kind ?? 'help',
      categoryCode: f.categoryCode,
      urgency: f.urgency ?? 'general',
      requester: { name: r.name ?? null, phone: r.phone ?? null, isAnonymous: r.isAnonymous ?? r.phone === undefined },
      subject: f.subject,
      detail: f.detail ?? patrol.observations,
      location: {
        address: f.address?.trim() || community.name,
        coordinates: patrol.point,
        districtCode: street.parentCode,
        streetCode: street.code,
        communityCode: community.code,
      },
      attachmentIds: patrol.attachmentIds,
    },
    idempotencyKey: opts.idempotencyKey ?? null,
  });
  if (isNew) {
    await ctx.db.transaction().execute(async (trx) => {
      const locked = await ctx.repos.patrols.lock(patrol.id, trx);
      if (locked && !locked.caseIds.includes(state.id)) await ctx.repos.patrols.addCase(patrol.id, state.id, trx);
    });
  }
  return { state, isNew };
}
