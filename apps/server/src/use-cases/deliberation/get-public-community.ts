// The portal's page of one community's deliberation: upcoming meetings with their agendas, past
// meetings with their decisions (the vote and the rule applied) and the progress of their
// follow-up tasks, and the proposals with their support. No personal data: no chair, mover or
// seconder names, no proposer, no case numbers or requesters — the matter, not the people.
import { AGENDA_ITEM_STATUS_INFO, DomainError, MEETING_STATUS_INFO, MOTION_STATUS_INFO, PROPOSAL_STATUS_INFO, type ProposalStatus } from '@jiesu/core';
import type { AppContext } from '../../context';
import { publicFollowUps, type PublicFollowUp } from './public-follow-ups';

export interface PublicMotion {
  text: string;
  status: string;
  statusLabel: { zh: string; en: string };
  result: { for: number; against: number; abstain: number; present: number; eligible: number; statement: { zh: string; en: string } } | null;
}

export interface PublicAgendaItem {
  position: number;
  title: string;
  sourceType: string;
  status: string;
  statusLabel: { zh: string; en: string };
  outcomeSummary: string | null;
  motions: PublicMotion[];
  followUps: PublicFollowUp[];
}

export interface PublicMeeting {
  id: string;
  title: string;
  scheduledAt: Date;
  place: string;
  isChairResident: boolean;
  status: string;
  statusLabel: { zh: string; en: string };
  items: PublicAgendaItem[];
}

export interface PublicProposal {
  id: string;
  title: string;
  detail: string;
  status: ProposalStatus;
  statusLabel: { zh: string; en: string };
  supportCount: number;
  answer: string | null;
  submittedAt: Date;
}

export interface PublicCommunityView {
  community: { code: string; name: string; streetName: string | null };
  upcoming: PublicMeeting[];
  past: PublicMeeting[];
  proposals: PublicProposal[];
}

export async function getPublicCommunity(ctx: AppContext, opts: { communityCode: string }): Promise<PublicCommunityView> {
  const community = await ctx.repos.units.findByCode(opts.communityCode);
  if (!community || community.class !== 'community')
    throw new DomainError('UNIT_NOT_FOUND', `没有编码为 ${opts.communityCode} 的社区。No community has this code.`, { field: 'params.code' });
  const street = community.parentCode ? await ctx.repos.units.findByCode(community.parentCode) : null;
  const scope = { scopePath: community.path, communityCode: community.code, offset: 0 };
  const [upcoming, past, proposals] = await Promise.all([
    ctx.repos.meetings.list({ ...scope, statuses: ['scheduled', 'in_session'], limit: 10 }),
    ctx.repos.meetings.list({ ...scope, statuses: ['closed'], limit: 10 }),
    ctx.repos.proposals.list({ ...scope, statuses: ['open', 'on_agenda', 'answered'], limit: 50 }),
  ]);
  const meetings = [...upcoming.items, ...past.items];
  const ids = meetings.map((m) => m.id);
  const [items, motions] = await Promise.all([ctx.repos.meetings.itemsOfMeetings(ids), ctx.repos.meetings.motionsOfMeetings(ids)]);
  const followUps = await publicFollowUps(
    ctx,
    motions.filter((m) => m.status === 'passed').map((m) => m.id),
  );
  const present = (list: typeof meetings): PublicMeeting[] =>
    list.map((m) => ({
      id: m.id,
      title: m.title,
      scheduledAt: m.scheduledAt,
      place: m.place,
      isChairResident: m.isChairResident,
      status: m.status,
      statusLabel: { zh: MEETING_STATUS_INFO[m.status].zh, en: MEETING_STATUS_INFO[m.status].en },
      items: items
        .filter((i) => i.meetingId === m.id)
        .map((i) => {
          const own = motions.filter((x) => x.agendaItemId === i.id && x.status !== 'withdrawn');
          return {
            position: i.position,
            // a case item's snapshot starts with its case number: the public sees the matter only
            title: i.sourceType === 'case' ? i.titleSnapshot.replace(/^\d{8}-\d+\s+/, '') : i.titleSnapshot,
            sourceType: i.sourceType,
            status: i.status,
            statusLabel: { zh: AGENDA_ITEM_STATUS_INFO[i.status].zh, en: AGENDA_ITEM_STATUS_INFO[i.status].en },
            outcomeSummary: i.outcomeSummary,
            motions: own.map((x) => ({
              text: x.text,
              status: x.status,
              statusLabel: { zh: MOTION_STATUS_INFO[x.status].zh, en: MOTION_STATUS_INFO[x.status].en },
              result: x.result
                ? { for: x.result.for, against: x.result.against, abstain: x.result.abstain, present: x.result.present, eligible: x.result.eligible, statement: x.result.statement }
                : null,
            })),
            followUps: own.flatMap((x) => followUps.get(x.id) ?? []),
          };
        }),
    }));
  return {
    community: { code: community.code, name: community.name, streetName: street?.name ?? null },
    upcoming: present(upcoming.items).sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime()),
    past: present(past.items),
    proposals: proposals.items.map((p) => ({
      id: p.id,
      title: p.title,
      detail: p.detail,
      status: p.status,
      statusLabel: { zh: PROPOSAL_STATUS_INFO[p.status].zh, en: PROPOSAL_STATUS_INFO[p.status].en },
      supportCount: p.supportCount,
      answer: p.answer,
      submittedAt: p.submittedAt,
    })),
  };
}
