// A deliberation meeting (居民议事会) and its agenda: the lifecycle as one catalogue of states and
// one transition table, decided by pure functions given `now` (no clock inside the core).
import { DomainError } from '../errors';
import type { VoteRules } from './vote-rules';

export const MEETING_STATUSES = ['scheduled', 'in_session', 'closed', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_STATUS_INFO: Readonly<Record<MeetingStatus, { zh: string; en: string; isFinished: boolean }>> = {
  scheduled: { zh: '待召开', en: 'Scheduled', isFinished: false },
  in_session: { zh: '进行中', en: 'In session', isFinished: false },
  closed: { zh: '已结束', en: 'Closed', isFinished: true },
  cancelled: { zh: '已取消', en: 'Cancelled', isFinished: true },
};

export const MEETING_ACTIONS = ['reschedule', 'start', 'close', 'cancel'] as const;
export type MeetingAction = (typeof MEETING_ACTIONS)[number];

const MEETING_TRANSITIONS: Readonly<Record<MeetingAction, { from: readonly MeetingStatus[]; to: MeetingStatus | 'same' }>> = {
  reschedule: { from: ['scheduled'], to: 'same' },
  start: { from: ['scheduled'], to: 'in_session' },
  close: { from: ['in_session'], to: 'closed' },
  cancel: { from: ['scheduled'], to: 'cancelled' },
};

/** Participants' groups (参会方): residents, building leads, the property company, the street's sections, departments. */
export const PARTICIPANT_KINDS = ['resident', 'building_lead', 'property_company', 'section', 'department', 'staff', 'other'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

export interface Meeting {
  id: string;
  communityCode: string;
  title: string;
  scheduledAt: Date;
  place: string;
  chairName: string;
  /** Residents may chair (one community runs its council by Robert's Rules with residents in the chair). */
  isChairResident: boolean;
  status: MeetingStatus;
  /** Members entitled to vote; the quorum is a share of them. */
  eligibleVoters: number;
  /** Overrides of the default vote rules for this meeting; null = the defaults. */
  voteRules: VoteRules | null;
  startedAt: Date | null;
  closedAt: Date | null;
  cancelReason: string | null;
  version: number;
}

export type MeetingCommand =
  | { type: 'reschedule'; scheduledAt?: Date; place?: string; chairName?: string; isChairResident?: boolean }
  | { type: 'start' }
  | { type: 'close' }
  | { type: 'cancel'; reason: string };

export function illegalTransition(entity: string, status: string, action: string, hint: string): never {
  throw new DomainError('ILLEGAL_TRANSITION', `A ${entity} that is ${status} cannot be asked to ${action}. ${hint}`.trim(), { entity, status, action });
}

export function requireText(value: string | null | undefined, field: string, max = 2000): string {
  const t = (value ?? '').trim();
  if (t.length === 0) throw new DomainError('VALIDATION_FAILED', `${field} must not be empty.`, { field });
  if (t.length > max) throw new DomainError('VALIDATION_FAILED', `${field} is longer than ${max} characters.`, { field });
  return t;
}

export function canMeetingDo(status: MeetingStatus, action: MeetingAction): boolean {
  return MEETING_TRANSITIONS[action].from.includes(status);
}

export function allowedMeetingActions(status: MeetingStatus): MeetingAction[] {
  return MEETING_ACTIONS.filter((a) => canMeetingDo(status, a));
}

/**
 * Decides a meeting command. `openMotionCount` is how many of its motions are still moved,
 * seconded or under discussion: a meeting cannot close over them.
 */
export function decideMeeting(meeting: Meeting, command: MeetingCommand, ctx: { now: Date; openMotionCount: number }): Meeting {
  const rule = MEETING_TRANSITIONS[command.type];
  if (!rule.from.includes(meeting.status)) {
    illegalTransition('meeting', meeting.status, command.type, `Allowed now: ${allowedMeetingActions(meeting.status).join(', ') || 'nothing (it is finished)'}.`);
  }
  const next: Meeting = { ...meeting, version: meeting.version + 1 };
  switch (command.type) {
    case 'reschedule':
      if (command.scheduledAt !== undefined) next.scheduledAt = new Date(command.scheduledAt.getTime());
      if (command.place !== undefined) next.place = requireText(command.place, 'place', 200);
      if (command.chairName !== undefined) next.chairName = requireText(command.chairName, 'chairName', 60);
      if (command.isChairResident !== undefined) next.isChairResident = command.isChairResident;
      return next;
    case 'start':
      next.status = 'in_session';
      next.startedAt = new Date(ctx.now.getTime());
      return next;
    case 'close':
      if (ctx.openMotionCount > 0) {
        throw new DomainError('MEETING_HAS_OPEN_MOTIONS', `${ctx.openMotionCount} motion(s) are still open: vote on them or withdraw them before closing.`, {
          openMotionCount: ctx.openMotionCount,
        });
      }
      next.status = 'closed';
      next.closedAt = new Date(ctx.now.getTime());
      return next;
    case 'cancel':
      next.status = 'cancelled';
      next.cancelReason = requireText(command.reason, 'reason', 500);
      return next;
  }
}

/** Checks a new meeting's fields (the console asks the server; the server asks this). */
export function validateNewMeeting(m: { title: string; place: string; chairName: string; eligibleVoters: number; scheduledAt: Date }): void {
  requireText(m.title, 'title', 200);
  requireText(m.place, 'place', 200);
  requireText(m.chairName, 'chairName', 60);
  if (!Number.isInteger(m.eligibleVoters) || m.eligibleVoters < 1 || m.eligibleVoters > 10_000) {
    throw new DomainError('VALIDATION_FAILED', 'eligibleVoters must be a whole number from 1 to 10000.', { field: 'eligibleVoters' });
  }
  if (Number.isNaN(m.scheduledAt.getTime())) throw new DomainError('VALIDATION_FAILED', 'scheduledAt is not a valid time.', { field: 'scheduledAt' });
}

// ── agenda ──────────────────────────────────────────────────────────────────────────────────

/**
 * Where an agenda item comes from. Generic on purpose: a case, a resident's proposal, a hotspot
 * group or a topic (每月一题) — each named by its type and id, with its title copied at the time
 * it was put on the agenda (the source may change or disappear; the minutes must not).
 */
export const AGENDA_SOURCE_TYPES = ['case', 'proposal', 'hotspot_group', 'topic', 'other'] as const;
export type AgendaSourceType = (typeof AGENDA_SOURCE_TYPES)[number];

export const AGENDA_ITEM_STATUSES = ['pending', 'decided', 'not_decided', 'deferred'] as const;
export type AgendaItemStatus = (typeof AGENDA_ITEM_STATUSES)[number];

export const AGENDA_ITEM_STATUS_INFO: Readonly<Record<AgendaItemStatus, { zh: string; en: string; isConcluded: boolean }>> = {
  pending: { zh: '待议', en: 'Pending', isConcluded: false },
  decided: { zh: '已决议', en: 'Decided', isConcluded: true },
  not_decided: { zh: '未形成决议', en: 'No decision', isConcluded: true },
  deferred: { zh: '延期再议', en: 'Deferred', isConcluded: true },
};

export interface AgendaItem {
  id: string;
  meetingId: string;
  position: number;
  sourceType: AgendaSourceType;
  sourceId: string | null;
  titleSnapshot: string;
  /** Cases this item is about (the source case, a proposal's or group's cases …). */
  linkedCaseIds: string[];
  minutes: string | null;
  status: AgendaItemStatus;
  outcomeSummary: string | null;
  concludedAt: Date | null;
}

/** Agenda can change until the meeting closes. */
export function assertAgendaEditable(status: MeetingStatus): void {
  if (status !== 'scheduled' && status !== 'in_session') illegalTransition('meeting', status, 'change its agenda', 'Only a scheduled or sitting meeting takes new agenda items.');
}

/** Minutes (会议纪要) are written during the meeting or after it closes. */
export function assertMinutesEditable(status: MeetingStatus): void {
  if (status !== 'in_session' && status !== 'closed') illegalTransition('meeting', status, 'record minutes', 'Minutes are kept once the meeting has started.');
}

export type ItemConclusion = Exclude<AgendaItemStatus, 'pending'>;

/**
 * Concludes an item: 'decided' needs at least one motion on it that passed; the summary is what
 * the requesters of its linked cases are told.
 */
export function concludeAgendaItem(
  item: AgendaItem,
  cmd: { outcome: ItemConclusion; summary: string },
  ctx: { now: Date; meetingStatus: MeetingStatus; passedMotionCount: number },
): AgendaItem {
  if (ctx.meetingStatus !== 'in_session' && ctx.meetingStatus !== 'closed')
    illegalTransition('meeting', ctx.meetingStatus, 'conclude an item', 'Items are concluded at or after the meeting.');
  if (item.status !== 'pending') illegalTransition('agenda item', item.status, 'conclude', 'It is already concluded.');
  if (cmd.outcome === 'decided' && ctx.passedMotionCount === 0) {
    throw new DomainError('ITEM_HAS_NO_PASSED_MOTION', 'An item is decided by a motion that passed; none has passed on this item.', { field: 'outcome' });
  }
  return { ...item, status: cmd.outcome, outcomeSummary: requireText(cmd.summary, 'summary', 1000), concludedAt: new Date(ctx.now.getTime()) };
}
