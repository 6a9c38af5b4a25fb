// Puts a matter on a meeting's agenda. The source is generic — a case, a resident's proposal, a
// hotspot group, a topic or anything else — named by type and id with its title copied now. A
// source already on this agenda is returned, not added twice (a retried request). A proposal
// moves to on_agenda in the same transaction.
import { randomUUID } from 'node:crypto';
import { type Actor, type AgendaItem, assertAgendaEditable, assertCaseInScope, decideProposal, DomainError, requireText } from '@jiesu/core';
import type { AppContext } from '../../context';
import { loadMeeting } from './community-scope';
import type { Tx } from '../../repositories';

export type AgendaSource =
  | { type: 'case'; caseId: string }
  | { type: 'proposal'; proposalId: string }
  | { type: 'hotspot_group' | 'topic' | 'other'; sourceId?: string | null; title: string; linkedCaseIds?: string[] };

export async function addAgendaItem(ctx: AppContext, opts: { actor: Actor; meetingId: string; source: AgendaSource }): Promise<{ item: AgendaItem; isNew: boolean }> {
  return ctx.db.transaction().execute(async (trx) => {
    const m = await loadMeeting(ctx, opts.actor, opts.meetingId, 'run', trx);
    assertAgendaEditable(m.status);
    const s = opts.source;
    const base = { id: randomUUID(), meetingId: m.id, minutes: null, status: 'pending' as const, outcomeSummary: null, concludedAt: null };
    switch (s.type) {
      case 'case': {
        const c = await ctx.repos.cases.load(s.caseId, trx);
        if (!c) throw new DomainError('CASE_NOT_FOUND', `No case has the id ${s.caseId}.`, { field: 'body.caseId' });
        assertCaseInScope(opts.actor, c.state, c.locationPath);
        // Merged requests (并案) share the matter: their requesters are told the outcome too.
        const linked = [c.state.id, ...c.state.children.map((ch) => ch.caseId)];
        return record(ctx, trx, opts.actor, {
          ...base,
          sourceType: 'case',
          sourceId: c.state.id,
          titleSnapshot: `${c.state.caseNumber} ${c.state.subject}`,
          linkedCaseIds: linked,
        });
      }
      case 'proposal': {
        const p = await ctx.repos.proposals.find(s.proposalId, trx, { forUpdate: true });
        if (!p || p.communityCode !== m.communityCode)
          throw new DomainError('PROPOSAL_NOT_FOUND', `No proposal of this community has the id ${s.proposalId}.`, { field: 'body.proposalId' });
        const added = await record(ctx, trx, opts.actor, { ...base, sourceType: 'proposal', sourceId: p.id, titleSnapshot: p.title, linkedCaseIds: [] });
        if (added.isNew) {
          const next = decideProposal(p, { type: 'put_on_agenda', agendaItemId: added.item.id }, { now: ctx.now() });
          await ctx.repos.proposals.save(next, p.version, trx);
          await ctx.repos.notifications.enqueue(
            [
              {
                caseId: null,
                subject: { type: 'proposal', id: p.id },
                kind: 'proposal_on_agenda',
                unitCode: null,
                payload: { proposalId: p.id, meetingId: m.id, agendaItemId: added.item.id, title: p.title },
              },
            ],
            trx,
          );
        }
        return added;
      }
      case 'hotspot_group':
      case 'topic':
      case 'other': {
        const title = requireText(s.title, 'body.title', 200);
        const ids = [...new Set(s.linkedCaseIds ?? [])];
        for (const [i, id] of ids.entries()) {
          const c = await ctx.repos.cases.load(id, trx);
          if (!c) throw new DomainError('CASE_NOT_FOUND', `No case has the id ${id}.`, { field: `body.linkedCaseIds[${i}]` });
          assertCaseInScope(opts.actor, c.state, c.locationPath);
        }
        return record(ctx, trx, opts.actor, { ...base, sourceType: s.type, sourceId: s.sourceId ?? null, titleSnapshot: title, linkedCaseIds: ids });
      }
    }
  });
}

async function record(ctx: AppContext, trx: Tx, actor: Actor, item: Omit<AgendaItem, 'position'>): Promise<{ item: AgendaItem; isNew: boolean }> {
  const r = await ctx.repos.meetings.addItem(item, trx);
  if (r.isNew)
    await ctx.repos.audit.record(
      actor,
      { action: 'meeting.agenda_add', targetType: 'meeting', targetId: item.meetingId, data: { itemId: r.item.id, sourceType: item.sourceType, sourceId: item.sourceId } },
      trx,
    );
  return r;
}
