// One meeting as the console shows it: the meeting with the actions allowed now and the vote
// rules it applies, the invitation list, and each agenda item with its motions, its linked cases
// (requester always masked — this page is about the matter, not the person) and whether each
// requester was told the outcome.
import {
  type Actor,
  type AgendaItem,
  allowedMeetingActions,
  allowedMotionActions,
  canRunDeliberation,
  CASE_STATUS_INFO,
  maskName,
  maskPhone,
  type Motion,
  type MotionAction,
  type MeetingAction,
  type VoteRules,
} from '@jiesu/core';
import type { AppContext } from '../../context';
import type { Participant, StoredMeeting } from '../../repositories/meeting.repository';
import { loadMeeting, voteRulesOf } from './community-scope';
import { listWorkItems } from '../work-items/list-work-items';
import type { PresentedWorkItem } from '../work-items/work-item-context';
import { FOLLOW_UP_SOURCE_TYPE } from './add-follow-up';
import { REQUESTER_OUTCOME_KIND } from './conclude-agenda-item';

export interface LinkedCaseView {
  caseId: string;
  caseNumber: string;
  subject: string;
  status: string;
  statusLabel: string;
  requester: { name: string | null; phone: string | null; isAnonymous: boolean };
  outcomeToldAt: Date | null;
}

export interface MeetingView {
  meeting: StoredMeeting & { communityName: string; allowedActions: MeetingAction[]; rules: VoteRules; canRun: boolean };
  participants: Participant[];
  items: Array<AgendaItem & { motions: Array<Motion & { allowedActions: MotionAction[]; followUps: PresentedWorkItem[] }>; linkedCases: LinkedCaseView[] }>;
}

export async function getMeeting(ctx: AppContext, opts: { actor: Actor; meetingId: string }): Promise<MeetingView> {
  const m = await loadMeeting(ctx, opts.actor, opts.meetingId, 'read');
  const [community, participants, items, motions] = await Promise.all([
    ctx.repos.units.findByCode(m.communityCode),
    ctx.repos.meetings.participants(m.id),
    ctx.repos.meetings.items(m.id),
    ctx.repos.meetings.motions(m.id),
  ]);
  const caseIds = [...new Set(items.flatMap((i) => i.linkedCaseIds))];
  const [cases, told] = await Promise.all([Promise.all(caseIds.map((id) => ctx.repos.cases.load(id))), ctx.repos.notifications.forCases(caseIds, [REQUESTER_OUTCOME_KIND])]);
  const followUps = new Map<string, PresentedWorkItem[]>();
  for (const x of motions.filter((mo) => mo.status === 'passed')) {
    followUps.set(x.id, (await listWorkItems(ctx, { actor: opts.actor, kind: 'meeting_followup', sourceType: FOLLOW_UP_SOURCE_TYPE, sourceId: x.id, limit: 200 })).items);
  }
  const byId = new Map(cases.filter((c) => c !== null).map((c) => [c.state.id, c.state]));
  const toldAt = new Map<string, Date>();
  for (const n of told) if (typeof n.payload.agendaItemId === 'string') toldAt.set(`${n.payload.agendaItemId}:${n.caseId}`, n.createdAt);
  const canRun = canRunDeliberation(opts.actor, { code: m.communityCode, path: m.communityPath, class: 'community' });
  return {
    meeting: { ...m, communityName: community?.name ?? m.communityCode, allowedActions: canRun ? allowedMeetingActions(m.status) : [], rules: voteRulesOf(m), canRun },
    participants,
    items: items.map((item) => ({
      ...item,
      motions: motions
        .filter((x) => x.agendaItemId === item.id)
        .map((x) => ({ ...x, allowedActions: canRun && m.status === 'in_session' ? allowedMotionActions(x.status) : [], followUps: followUps.get(x.id) ?? [] })),
      linkedCases: item.linkedCaseIds.flatMap((id): LinkedCaseView[] => {
        const s = byId.get(id);
        if (!s) return [];
        return [
          {
            caseId: s.id,
            caseNumber: s.caseNumber,
            subject: s.subject,
            status: s.status,
            statusLabel: CASE_STATUS_INFO[s.status].label,
            requester: {
              name: s.requester.name === null ? null : maskName(s.requester.name),
              phone: s.requester.phone === null ? null : maskPhone(s.requester.phone),
              isAnonymous: s.requester.isAnonymous,
            },
            outcomeToldAt: toldAt.get(`${item.id}:${s.id}`) ?? null,
          },
        ];
      }),
    })),
  };
}
