// Motions by Robert's Rules (罗伯特议事规则): a member moves (动议), another seconds (附议), the
// chair opens discussion, then the meeting votes; the mover may withdraw before the vote. A motion
// that is not seconded is never discussed. The vote result is counted by countVote under the
// meeting's rules, and the rule applied is stored with the result.
import { DomainError } from '../errors';
import { illegalTransition, type MeetingStatus, requireText } from './meeting';
import { countVote, type VoteResult, type VoteRules, type VoteTally } from './vote-rules';

export const MOTION_STATUSES = ['moved', 'seconded', 'under_discussion', 'passed', 'failed', 'withdrawn'] as const;
export type MotionStatus = (typeof MOTION_STATUSES)[number];

export const MOTION_STATUS_INFO: Readonly<Record<MotionStatus, { zh: string; en: string; isOpen: boolean }>> = {
  moved: { zh: '已动议', en: 'Moved', isOpen: true },
  seconded: { zh: '已附议', en: 'Seconded', isOpen: true },
  under_discussion: { zh: '讨论中', en: 'Under discussion', isOpen: true },
  passed: { zh: '通过', en: 'Passed', isOpen: false },
  failed: { zh: '未通过', en: 'Failed', isOpen: false },
  withdrawn: { zh: '已撤回', en: 'Withdrawn', isOpen: false },
};

export const MOTION_ACTIONS = ['second', 'open_discussion', 'vote', 'withdraw'] as const;
export type MotionAction = (typeof MOTION_ACTIONS)[number];

const MOTION_FROM: Readonly<Record<MotionAction, readonly MotionStatus[]>> = {
  second: ['moved'],
  open_discussion: ['seconded'],
  vote: ['under_discussion'],
  withdraw: ['moved', 'seconded', 'under_discussion'],
};

export interface Motion {
  id: string;
  meetingId: string;
  agendaItemId: string;
  text: string;
  movedBy: string;
  secondedBy: string | null;
  status: MotionStatus;
  result: VoteResult | null;
  movedAt: Date;
  decidedAt: Date | null;
  version: number;
}

export type MotionCommand = { type: 'second'; secondedBy: string } | { type: 'open_discussion' } | { type: 'vote'; tally: VoteTally; rules: VoteRules } | { type: 'withdraw' };

export function isMotionOpen(status: MotionStatus): boolean {
  return MOTION_STATUS_INFO[status].isOpen;
}

export function allowedMotionActions(status: MotionStatus): MotionAction[] {
  return MOTION_ACTIONS.filter((a) => MOTION_FROM[a].includes(status));
}

function assertSitting(meetingStatus: MeetingStatus, what: string): void {
  if (meetingStatus !== 'in_session') illegalTransition('meeting', meetingStatus, what, 'Motions are made and voted on while the meeting sits.');
}

/** A new motion on an agenda item of a sitting meeting. */
export function moveMotion(
  m: { id: string; meetingId: string; agendaItemId: string; text: string; movedBy: string },
  ctx: { now: Date; meetingStatus: MeetingStatus; isItemPending: boolean },
): Motion {
  assertSitting(ctx.meetingStatus, 'take a motion');
  if (!ctx.isItemPending) illegalTransition('agenda item', 'concluded', 'take a motion', 'Motions are made on items not yet concluded.');
  return {
    id: m.id,
    meetingId: m.meetingId,
    agendaItemId: m.agendaItemId,
    text: requireText(m.text, 'text', 1000),
    movedBy: requireText(m.movedBy, 'movedBy', 60),
    secondedBy: null,
    status: 'moved',
    result: null,
    movedAt: new Date(ctx.now.getTime()),
    decidedAt: null,
    version: 1,
  };
}

export function decideMotion(motion: Motion, command: MotionCommand, ctx: { now: Date; meetingStatus: MeetingStatus }): Motion {
  assertSitting(ctx.meetingStatus, command.type);
  if (!MOTION_FROM[command.type].includes(motion.status)) {
    if ((command.type === 'open_discussion' || command.type === 'vote') && motion.status === 'moved') {
      throw new DomainError('MOTION_NEEDS_SECOND', 'This motion has not been seconded: a motion needs a second before it is discussed or voted on.', { status: motion.status });
    }
    illegalTransition('motion', motion.status, command.type, `Allowed now: ${allowedMotionActions(motion.status).join(', ') || 'nothing (it is finished)'}.`);
  }
  const next: Motion = { ...motion, version: motion.version + 1 };
  switch (command.type) {
    case 'second': {
      const by = requireText(command.secondedBy, 'secondedBy', 60);
      if (by === motion.movedBy) throw new DomainError('VALIDATION_FAILED', 'The mover cannot second their own motion.', { field: 'secondedBy' });
      next.secondedBy = by;
      next.status = 'seconded';
      return next;
    }
    case 'open_discussion':
      next.status = 'under_discussion';
      return next;
    case 'vote': {
      const result = countVote(command.tally, command.rules);
      next.result = result;
      next.status = result.outcome;
      next.decidedAt = new Date(ctx.now.getTime());
      return next;
    }
    case 'withdraw':
      next.status = 'withdrawn';
      next.decidedAt = new Date(ctx.now.getTime());
      return next;
  }
}
