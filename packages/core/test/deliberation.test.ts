// Deliberation (议事会): vote arithmetic worked out by hand, the meeting / motion / proposal
// lifecycles (every illegal step changes nothing), building-lead parsing and the measures.
import { describe, expect, it } from 'vitest';
import {
  allowedMeetingActions,
  allowedMotionActions,
  allowedProposalActions,
  type AgendaItem,
  assertCanRunDeliberation,
  canRunDeliberation,
  concludeAgendaItem,
  countVote,
  decideMeeting,
  decideMotion,
  decideProposal,
  DEFAULT_VOTE_RULES,
  deliberationAssessmentScores,
  deliberationMeasures,
  isDoneOnTime,
  maskBuildingLead,
  type Meeting,
  MEETING_ACTIONS,
  MEETING_STATUSES,
  type MeetingStatus,
  MOTION_ACTIONS,
  MOTION_STATUSES,
  type Motion,
  type MotionStatus,
  moveMotion,
  normalizeMobile,
  parseBuildingLead,
  parseVoteRules,
  PROPOSAL_STATUSES,
  type Proposal,
  quorumRequired,
  type Actor,
  votesNeeded,
  VOTE_RULES_SETTING,
} from '../src/index';

const now = new Date('2026-12-01T02:00:00Z');

function err(fn: () => unknown): { code: string; details?: Record<string, unknown> } {
  try {
    fn();
  } catch (e) {
    return e as { code: string; details?: Record<string, unknown> };
  }
  throw new Error('expected an error');
}

describe('countVote — the arithmetic by hand', () => {
  it('simple majority, abstentions not counted (Robert’s Rules): 7 for, 3 against, 2 abstain of 20 eligible', () => {
    // quorum: ceil(20 × 0.5) = 10; present 12 ≥ 10. base = 7 + 3 = 10; needed floor(10/2)+1 = 6; 7 ≥ 6 → passed
    const r = countVote({ for: 7, against: 3, abstain: 2, eligible: 20 }, DEFAULT_VOTE_RULES);
    expect(r).toMatchObject({ outcome: 'passed', reason: 'carried', present: 12, quorumRequired: 10, isQuorate: true, base: 10, forNeeded: 6 });
    expect(r.statement.zh).toContain('过半数（弃权不计入基数）');
    expect(r.statement.en).toContain('7 for, 3 against, 2 abstaining, base 10, 6 needed — passed');
  });

  it('the same tally fails when abstentions count: base 12, needed 7, 7 ≥ 7 passes; 6 for does not', () => {
    const rules = { ...DEFAULT_VOTE_RULES, abstentionsCount: true };
    // base 7+3+2 = 12 → needed floor(12/2)+1 = 7 → 7 for carries exactly
    expect(countVote({ for: 7, against: 3, abstain: 2, eligible: 20 }, rules)).toMatchObject({ outcome: 'passed', base: 12, forNeeded: 7 });
    // 6 for, 3 against, 3 abstain: without abstentions base 9 → needed 5 → passes; with them base 12 → needed 7 → fails
    expect(countVote({ for: 6, against: 3, abstain: 3, eligible: 20 }, DEFAULT_VOTE_RULES)).toMatchObject({ outcome: 'passed', base: 9, forNeeded: 5 });
    expect(countVote({ for: 6, against: 3, abstain: 3, eligible: 20 }, rules)).toMatchObject({ outcome: 'failed', reason: 'not_enough_for', base: 12, forNeeded: 7 });
  });

  it('a tie fails under a simple majority: 5 for, 5 against → base 10, needed 6', () => {
    expect(countVote({ for: 5, against: 5, abstain: 0, eligible: 10 }, DEFAULT_VOTE_RULES)).toMatchObject({ outcome: 'failed', forNeeded: 6 });
  });

  it('two-thirds: 8 for, 4 against → 8 ≥ ceil(24/3)=8 passes; 7 for, 4 against → 7 < ceil(22/3)=8 fails', () => {
    const rules = { ...DEFAULT_VOTE_RULES, majority: 'two_thirds' as const };
    expect(countVote({ for: 8, against: 4, abstain: 1, eligible: 20 }, rules)).toMatchObject({ outcome: 'passed', base: 12, forNeeded: 8 });
    const r = countVote({ for: 7, against: 4, abstain: 1, eligible: 20 }, rules);
    expect(r).toMatchObject({ outcome: 'failed', base: 11, forNeeded: 8 });
    expect(r.statement.zh).toContain('三分之二多数');
    // with abstentions counted: 8 for, 4 against, 1 abstain → base 13 → ceil(26/3) = 9 → fails
    expect(countVote({ for: 8, against: 4, abstain: 1, eligible: 20 }, { ...rules, abstentionsCount: true })).toMatchObject({ outcome: 'failed', base: 13, forNeeded: 9 });
  });

  it('no quorum fails whatever the votes: 6 present of 25 eligible, quorum ceil(12.5) = 13', () => {
    const r = countVote({ for: 6, against: 0, abstain: 0, eligible: 25 }, DEFAULT_VOTE_RULES);
    expect(r).toMatchObject({ outcome: 'failed', reason: 'no_quorum', quorumRequired: 13, isQuorate: false });
    expect(r.statement.zh).toContain('未达法定人数');
    // people present who did not vote count toward the quorum
    expect(countVote({ for: 6, against: 0, abstain: 0, present: 13, eligible: 25 }, DEFAULT_VOTE_RULES)).toMatchObject({ outcome: 'passed', isQuorate: true });
  });

  it('a quorum share of 0.6 of 5 is exactly 3 (no floating-point 3.0000000000000004 → 4)', () => {
    expect(quorumRequired(5, 0.6)).toBe(3);
    expect(quorumRequired(26, 0.5)).toBe(13);
    expect(quorumRequired(27, 2 / 3)).toBe(18);
  });

  it('votesNeeded: simple 10 → 6, 9 → 5; two-thirds 9 → 6, 10 → 7, 0 → 1', () => {
    expect([votesNeeded(10, 'simple'), votesNeeded(9, 'simple'), votesNeeded(9, 'two_thirds'), votesNeeded(10, 'two_thirds'), votesNeeded(0, 'two_thirds')]).toEqual([
      6, 5, 6, 7, 1,
    ]);
  });

  it('nobody voting for or against carries nothing', () => {
    expect(countVote({ for: 0, against: 0, abstain: 12, eligible: 20 }, DEFAULT_VOTE_RULES)).toMatchObject({ outcome: 'failed', base: 0 });
  });

  it('refuses impossible tallies, naming the field', () => {
    expect(err(() => countVote({ for: -1, against: 0, abstain: 0, eligible: 5 }, DEFAULT_VOTE_RULES))).toMatchObject({ code: 'VOTE_INVALID', details: { field: 'for' } });
    expect(err(() => countVote({ for: 1.5, against: 0, abstain: 0, eligible: 5 }, DEFAULT_VOTE_RULES))).toMatchObject({ details: { field: 'for' } });
    expect(err(() => countVote({ for: 3, against: 2, abstain: 0, present: 4, eligible: 9 }, DEFAULT_VOTE_RULES))).toMatchObject({ details: { field: 'present' } });
    expect(err(() => countVote({ for: 6, against: 0, abstain: 0, eligible: 5 }, DEFAULT_VOTE_RULES))).toMatchObject({ details: { field: 'present' } });
    expect(err(() => countVote({ for: 0, against: 0, abstain: 0, eligible: 0 }, DEFAULT_VOTE_RULES))).toMatchObject({ details: { field: 'eligible' } });
  });
});

describe('parseVoteRules', () => {
  it('fills missing keys from the defaults and keeps what is given', () => {
    expect(parseVoteRules(undefined)).toEqual(DEFAULT_VOTE_RULES);
    expect(parseVoteRules({ majority: 'two_thirds' })).toEqual({ quorumShare: 0.5, majority: 'two_thirds', abstentionsCount: false });
    expect(VOTE_RULES_SETTING.parse({ abstentionsCount: true }).abstentionsCount).toBe(true);
  });
  it('names the bad key', () => {
    expect(err(() => parseVoteRules({ quorumShare: 0 }))).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'voteRules.quorumShare' } });
    expect(err(() => parseVoteRules({ quorumShare: 1.2 }))).toMatchObject({ details: { field: 'voteRules.quorumShare' } });
    expect(err(() => parseVoteRules({ majority: 'three_quarters' }))).toMatchObject({ details: { field: 'voteRules.majority' } });
    expect(err(() => parseVoteRules({ abstentionsCount: 'yes' }))).toMatchObject({ details: { field: 'voteRules.abstentionsCount' } });
    expect(err(() => parseVoteRules({ quorum: 3 }))).toMatchObject({ details: { field: 'voteRules.quorum' } });
    expect(err(() => parseVoteRules([1]))).toMatchObject({ details: { field: 'voteRules' } });
  });
});

const meeting: Meeting = {
  id: 'm1',
  communityCode: 'C',
  title: '夏季修剪树木',
  scheduledAt: now,
  place: '社区活动室',
  chairName: '王大爷',
  isChairResident: true,
  status: 'scheduled',
  eligibleVoters: 20,
  voteRules: null,
  startedAt: null,
  closedAt: null,
  cancelReason: null,
  version: 1,
};

describe('meeting lifecycle: scheduled → in_session → closed / cancelled', () => {
  const expected: Record<MeetingStatus, string[]> = {
    scheduled: ['reschedule', 'start', 'cancel'],
    in_session: ['close'],
    closed: [],
    cancelled: [],
  };
  it.each(MEETING_STATUSES)('from %s the allowed actions are exactly those of the table', (s) => {
    expect(allowedMeetingActions(s)).toEqual(expected[s]);
    for (const a of MEETING_ACTIONS) {
      const m = { ...meeting, status: s };
      const cmd = a === 'cancel' ? { type: a, reason: '暴雨' } : { type: a };
      if (expected[s].includes(a)) expect(decideMeeting(m, cmd, { now, openMotionCount: 0 }).version).toBe(2);
      else
        expect(err(() => decideMeeting(m, cmd, { now, openMotionCount: 0 }))).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { entity: 'meeting', status: s, action: a } });
    }
  });
  it('starts, then closes, stamping the instants; the input is not changed', () => {
    const started = decideMeeting(meeting, { type: 'start' }, { now, openMotionCount: 0 });
    expect(started).toMatchObject({ status: 'in_session', startedAt: now, version: 2 });
    expect(meeting.status).toBe('scheduled');
    const later = new Date(now.getTime() + 3_600_000);
    expect(decideMeeting(started, { type: 'close' }, { now: later, openMotionCount: 0 })).toMatchObject({ status: 'closed', closedAt: later });
  });
  it('does not close over open motions', () => {
    const started = { ...meeting, status: 'in_session' as const };
    expect(err(() => decideMeeting(started, { type: 'close' }, { now, openMotionCount: 2 }))).toMatchObject({ code: 'MEETING_HAS_OPEN_MOTIONS' });
  });
  it('a cancellation needs a reason', () => {
    expect(err(() => decideMeeting(meeting, { type: 'cancel', reason: '  ' }, { now, openMotionCount: 0 }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'reason' },
    });
  });
});

function motion(status: MotionStatus): Motion {
  return {
    id: 'mo',
    meetingId: 'm1',
    agendaItemId: 'i1',
    text: '由物业于6月前修剪',
    movedBy: '李阿姨',
    secondedBy: null,
    status,
    result: null,
    movedAt: now,
    decidedAt: null,
    version: 1,
  };
}

describe('motions by Robert’s Rules: moved → seconded → under discussion → passed / failed | withdrawn', () => {
  const sitting = { now, meetingStatus: 'in_session' as const };
  it('needs a sitting meeting and a pending item to be moved', () => {
    const m = { id: 'x', meetingId: 'm1', agendaItemId: 'i1', text: '修剪', movedBy: '李' };
    expect(moveMotion(m, { now, meetingStatus: 'in_session', isItemPending: true }).status).toBe('moved');
    expect(err(() => moveMotion(m, { now, meetingStatus: 'scheduled', isItemPending: true }))).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    expect(err(() => moveMotion(m, { now, meetingStatus: 'in_session', isItemPending: false }))).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    expect(err(() => moveMotion({ ...m, text: '' }, { now, meetingStatus: 'in_session', isItemPending: true }))).toMatchObject({ details: { field: 'text' } });
  });
  it('a motion without a second is never discussed or voted on', () => {
    expect(err(() => decideMotion(motion('moved'), { type: 'open_discussion' }, sitting))).toMatchObject({ code: 'MOTION_NEEDS_SECOND' });
    expect(err(() => decideMotion(motion('moved'), { type: 'vote', tally: { for: 9, against: 0, abstain: 0, eligible: 10 }, rules: DEFAULT_VOTE_RULES }, sitting))).toMatchObject({
      code: 'MOTION_NEEDS_SECOND',
    });
  });
  it('the mover cannot second their own motion', () => {
    expect(err(() => decideMotion(motion('moved'), { type: 'second', secondedBy: '李阿姨' }, sitting))).toMatchObject({ details: { field: 'secondedBy' } });
  });
  it('runs the whole way and stores the result with the rule applied', () => {
    const seconded = decideMotion(motion('moved'), { type: 'second', secondedBy: '张师傅' }, sitting);
    const discussed = decideMotion(seconded, { type: 'open_discussion' }, sitting);
    const voted = decideMotion(discussed, { type: 'vote', tally: { for: 4, against: 6, abstain: 1, eligible: 12 }, rules: DEFAULT_VOTE_RULES }, sitting);
    // present 11 ≥ ceil(6) = 6; base 10, needed 6; 4 < 6 → failed
    expect(voted).toMatchObject({ status: 'failed', secondedBy: '张师傅', version: 4, result: { base: 10, forNeeded: 6, quorumRequired: 6, reason: 'not_enough_for' } });
  });
  it.each(MOTION_STATUSES)('from %s only the table’s actions are allowed', (s) => {
    const expected: Record<MotionStatus, string[]> = {
      moved: ['second', 'withdraw'],
      seconded: ['open_discussion', 'withdraw'],
      under_discussion: ['vote', 'withdraw'],
      passed: [],
      failed: [],
      withdrawn: [],
    };
    expect(allowedMotionActions(s)).toEqual(expected[s]);
    for (const a of MOTION_ACTIONS) {
      if (expected[s].includes(a)) continue;
      const cmd =
        a === 'second'
          ? { type: a, secondedBy: '赵' }
          : a === 'vote'
            ? { type: a, tally: { for: 1, against: 0, abstain: 0, eligible: 1 }, rules: DEFAULT_VOTE_RULES }
            : { type: a };
      expect(['ILLEGAL_TRANSITION', 'MOTION_NEEDS_SECOND']).toContain(err(() => decideMotion(motion(s), cmd, sitting)).code);
    }
  });
  it('nothing is moved, seconded or voted when the meeting does not sit', () => {
    expect(err(() => decideMotion(motion('moved'), { type: 'second', secondedBy: '赵' }, { now, meetingStatus: 'closed' }))).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      details: { entity: 'meeting' },
    });
  });
});

describe('agenda items', () => {
  const item: AgendaItem = {
    id: 'i1',
    meetingId: 'm1',
    position: 1,
    sourceType: 'case',
    sourceId: 'c1',
    titleSnapshot: '树木遮挡',
    linkedCaseIds: ['c1'],
    minutes: null,
    status: 'pending',
    outcomeSummary: null,
    concludedAt: null,
  };
  it('decided needs a passed motion; others do not', () => {
    expect(err(() => concludeAgendaItem(item, { outcome: 'decided', summary: '修剪' }, { now, meetingStatus: 'in_session', passedMotionCount: 0 }))).toMatchObject({
      code: 'ITEM_HAS_NO_PASSED_MOTION',
    });
    expect(concludeAgendaItem(item, { outcome: 'decided', summary: '修剪' }, { now, meetingStatus: 'in_session', passedMotionCount: 1 })).toMatchObject({
      status: 'decided',
      outcomeSummary: '修剪',
      concludedAt: now,
    });
    expect(concludeAgendaItem(item, { outcome: 'deferred', summary: '下次再议' }, { now, meetingStatus: 'closed', passedMotionCount: 0 }).status).toBe('deferred');
  });
  it('concludes once, and not before the meeting', () => {
    const done = { ...item, status: 'decided' as const };
    expect(err(() => concludeAgendaItem(done, { outcome: 'deferred', summary: 'x' }, { now, meetingStatus: 'closed', passedMotionCount: 0 }))).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
    });
    expect(err(() => concludeAgendaItem(item, { outcome: 'deferred', summary: 'x' }, { now, meetingStatus: 'scheduled', passedMotionCount: 0 }))).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
    });
  });
});

const proposal: Proposal = {
  id: 'p',
  communityCode: 'C',
  title: '加装电梯',
  detail: '老楼加装电梯',
  status: 'submitted',
  supportCount: 0,
  answer: null,
  agendaItemId: null,
  submittedAt: now,
  openedAt: null,
  answeredAt: null,
  version: 1,
};

describe('proposals: submitted → open → on agenda | answered', () => {
  it('follows the table from every status', () => {
    const expected = { submitted: ['open', 'answer'], open: ['put_on_agenda', 'answer'], on_agenda: [], answered: [] };
    for (const s of PROPOSAL_STATUSES) expect(allowedProposalActions(s)).toEqual(expected[s]);
    expect(err(() => decideProposal(proposal, { type: 'put_on_agenda', agendaItemId: 'i' }, { now }))).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      details: { entity: 'proposal' },
    });
  });
  it('opens, then goes on an agenda; or is answered with a reason', () => {
    const open = decideProposal(proposal, { type: 'open' }, { now });
    expect(decideProposal(open, { type: 'put_on_agenda', agendaItemId: 'i9' }, { now })).toMatchObject({ status: 'on_agenda', agendaItemId: 'i9', answeredAt: now });
    expect(err(() => decideProposal(open, { type: 'answer', answer: '' }, { now }))).toMatchObject({ details: { field: 'answer' } });
    expect(decideProposal(open, { type: 'answer', answer: '属物业维修范围，已转物业' }, { now }).status).toBe('answered');
  });
  it('mobile numbers are normalised or refused', () => {
    expect(normalizeMobile('+86 138-0013-8000')).toBe('13800138000');
    expect(err(() => normalizeMobile('12345'))).toMatchObject({ details: { field: 'phone' } });
  });
});

describe('building leads (楼门层长)', () => {
  it('takes its role from how far down it reaches, and masks like a requester', () => {
    expect(parseBuildingLead({ building: '3号楼', name: '刘芳', phone: '13912345678' }).role).toBe('building');
    expect(parseBuildingLead({ building: '3号楼', door: '2单元', name: '刘芳', phone: '13912345678' }).role).toBe('door');
    const f = parseBuildingLead({ building: '3号楼', door: '2单元', floor: '5', name: '刘芳', phone: '139 1234 5678' });
    expect(f).toMatchObject({ role: 'floor', phone: '13912345678' });
    expect(maskBuildingLead(f)).toMatchObject({ name: '刘*', phone: '139****5678', isUnmasked: false });
    expect(err(() => parseBuildingLead({ building: '', name: '刘', phone: '13912345678' }))).toMatchObject({ details: { field: 'building' } });
  });
});

describe('who runs deliberation', () => {
  const community = { code: '110105001001', path: '/110000/110105/110105001/110105001001/', class: 'community' };
  const actor = (unitPath: string, unitClass: Actor['unitClass'], roles: Actor['roles']): Actor => ({
    userId: 'u',
    username: 'u',
    displayName: 'u',
    unitCode: 'x',
    unitPath,
    unitClass,
    roles,
  });
  it('community or street handlers and leaders in scope; not the centre, not analysts, not another street', () => {
    expect(canRunDeliberation(actor(community.path, 'community', ['handler']), community)).toBe(true);
    expect(canRunDeliberation(actor('/110000/110105/110105001/', 'street', ['unit_leader']), community)).toBe(true);
    expect(canRunDeliberation(actor('/110000/110105/110105001/', 'street', ['analyst']), community)).toBe(false);
    expect(canRunDeliberation(actor('/', 'centre', ['administrator', 'unit_leader']), community)).toBe(false);
    expect(err(() => assertCanRunDeliberation(actor('/110000/110105/110105002/', 'street', ['handler']), community))).toMatchObject({ code: 'OUT_OF_SCOPE' });
  });
});

describe('measures', () => {
  it('shares by hand: 3 of 4 tasks on time, 2 of 3 proposals answered, 5 of 40 cases deliberated', () => {
    const m = deliberationMeasures({
      meetingsHeld: 2,
      itemsDecided: 4,
      tasksDue: 4,
      tasksDoneOnTime: 3,
      tasksDoneLate: 0,
      tasksOverdueOpen: 1,
      proposalsReceived: 3,
      proposalsAnswered: 2,
      casesInCommunity: 40,
      casesDeliberated: 5,
    });
    expect(m.tasksOnTimeShare).toBe(0.75);
    expect(m.proposalsAnsweredShare).toBeCloseTo(2 / 3, 12);
    expect(m.deliberatedCaseShare).toBe(0.125);
    // meetings 2 of a target of 3 → 66.7; tasks 75; proposals 66.7
    expect(deliberationAssessmentScores(m)).toEqual({ deliberation_meetings: 66.7, deliberation_tasks_on_time: 75, deliberation_proposals_answered: 66.7 });
  });
  it('nothing to measure is null, and scores 0', () => {
    const m = deliberationMeasures({
      meetingsHeld: 0,
      itemsDecided: 0,
      tasksDue: 0,
      tasksDoneOnTime: 0,
      tasksDoneLate: 0,
      tasksOverdueOpen: 0,
      proposalsReceived: 0,
      proposalsAnswered: 0,
      casesInCommunity: 0,
      casesDeliberated: 0,
    });
    expect([m.tasksOnTimeShare, m.proposalsAnsweredShare, m.deliberatedCaseShare]).toEqual([null, null, null]);
    expect(deliberationAssessmentScores(m).deliberation_tasks_on_time).toBe(0);
  });
  it('on time means completed at or before the deadline', () => {
    const dueAt = new Date('2026-12-10T10:00:00Z');
    expect(isDoneOnTime({ status: 'done', completedAt: dueAt, dueAt })).toBe(true);
    expect(isDoneOnTime({ status: 'done', completedAt: new Date(dueAt.getTime() + 1), dueAt })).toBe(false);
    expect(isDoneOnTime({ status: 'open', completedAt: null, dueAt })).toBe(false);
  });
});
