// The invitation list (参会名单): residents, the property company, sections, departments — and the
// community's building leads (楼门层长), by id or all of them. A building lead is listed by post
// (3号楼 2单元 门长), never by name: the register holds the person.
import { type Actor, BUILDING_LEAD_ROLE_INFO, DomainError, type ParticipantKind } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { Participant } from '../../repositories/meeting.repository';
import { loadMeeting } from './community-scope';

export interface AddParticipantsOptions {
  actor: Actor;
  meetingId: string;
  participants?: Array<{ kind: Exclude<ParticipantKind, 'building_lead'>; name: string; organisation?: string | null; unitCode?: string | null }>;
  buildingLeadIds?: string[];
  allBuildingLeads?: boolean;
}

export function buildingLeadPost(l: { building: string; door: string | null; floor: string | null; role: keyof typeof BUILDING_LEAD_ROLE_INFO }): string {
  return [l.building, l.door, l.floor ? `${l.floor}层` : null, BUILDING_LEAD_ROLE_INFO[l.role].zh].filter((x) => x !== null).join(' ');
}

export async function addParticipants(ctx: AppContext, opts: AddParticipantsOptions): Promise<Participant[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const m = await loadMeeting(ctx, opts.actor, opts.meetingId, 'run', trx);
    if (m.status === 'closed' || m.status === 'cancelled')
      throw new DomainError('ILLEGAL_TRANSITION', `The meeting is ${m.status}; its invitation list is final.`, { entity: 'meeting', status: m.status });
    const leads = opts.allBuildingLeads
      ? await ctx.repos.buildingLeads.listByCommunity(m.communityCode, {}, trx)
      : opts.buildingLeadIds?.length
        ? await ctx.repos.buildingLeads.listByCommunity(m.communityCode, { ids: opts.buildingLeadIds }, trx)
        : [];
    const missing = (opts.buildingLeadIds ?? []).filter((id) => !leads.some((l) => l.id === id));
    if (!opts.allBuildingLeads && missing.length > 0) {
      throw new DomainError('BUILDING_LEAD_NOT_FOUND', `No active building lead of this community has the id ${missing[0]}.`, { field: 'body.buildingLeadIds' });
    }
    const others = (opts.participants ?? []).map((p, i) => {
      const name = p.name.trim();
      if (name.length === 0) throw new DomainError('VALIDATION_FAILED', 'A participant needs a name.', { field: `body.participants[${i}].name` });
      return { kind: p.kind as ParticipantKind, name, organisation: p.organisation?.trim() || null, unitCode: p.unitCode ?? null, buildingLeadId: null };
    });
    const unitCodes = others.flatMap((p) => (p.unitCode ? [p.unitCode] : []));
    const units = await ctx.repos.units.findByCodes(unitCodes, trx);
    const unknown = unitCodes.find((c) => !units.some((u) => u.code === c));
    if (unknown) throw new DomainError('UNIT_NOT_FOUND', `No unit has the code ${unknown}.`, { field: 'body.participants' });
    await ctx.repos.meetings.addParticipants(
      m.id,
      [...others, ...leads.map((l) => ({ kind: 'building_lead' as const, name: buildingLeadPost(l), organisation: null, unitCode: null, buildingLeadId: l.id }))],
      trx,
    );
    await ctx.repos.audit.record(
      opts.actor,
      { action: 'meeting.participants', targetType: 'meeting', targetId: m.id, data: { added: others.length, buildingLeads: leads.length } },
      trx,
    );
    return ctx.repos.meetings.participants(m.id, trx);
  });
}
