// The one status catalogue of a case (docs/cases.md, Statuses). Every group (open, live, finished …) is derived
// from it, so adding a status means editing one row, never a list scattered through the code.
//
// "contacted" is folded into `handling` with `CaseState.contactedAt`: the first contact moves a
// signed case to handling, but a case sent back for rework (退回重办) also returns to handling
// with the contact already made, and a case whose requester cannot be reached may go from signed
// straight to feedback. A separate `contacted` status would be ambiguous on both paths; the
// timestamp answers "was the requester contacted?" (响应率) exactly.

export const CASE_STATUSES = ['received', 'answered', 'dispatched', 'returned', 'disputed', 'signed', 'handling', 'feedback', 'closed', 'visited', 'scored', 'merged'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Where the ball is: with the centre, with a handling unit, finished, or following a parent case. */
export type CaseStage = 'with_centre' | 'with_unit' | 'finished' | 'linked';

export interface CaseStatusInfo {
  /** zh-CN label for the console. */
  label: string;
  stage: CaseStage;
  /** Still needs work: clocks may run, notes may be added, other requests may be merged into it. */
  isOpen: boolean;
  /** A lead unit holds a live dispatch (exactly one). */
  hasLiveLead: boolean;
}

export const CASE_STATUS_INFO: Readonly<Record<CaseStatus, CaseStatusInfo>> = {
  received: { label: '已受理', stage: 'with_centre', isOpen: true, hasLiveLead: false },
  answered: { label: '已直接答复', stage: 'finished', isOpen: false, hasLiveLead: false },
  dispatched: { label: '已派单', stage: 'with_unit', isOpen: true, hasLiveLead: true },
  returned: { label: '退单待审', stage: 'with_centre', isOpen: true, hasLiveLead: false },
  disputed: { label: '管辖争议', stage: 'with_centre', isOpen: true, hasLiveLead: false },
  signed: { label: '已签收', stage: 'with_unit', isOpen: true, hasLiveLead: true },
  handling: { label: '办理中', stage: 'with_unit', isOpen: true, hasLiveLead: true },
  feedback: { label: '待审核', stage: 'with_centre', isOpen: true, hasLiveLead: true },
  closed: { label: '已办结', stage: 'finished', isOpen: false, hasLiveLead: false },
  visited: { label: '已回访', stage: 'finished', isOpen: false, hasLiveLead: false },
  scored: { label: '已考核', stage: 'finished', isOpen: false, hasLiveLead: false },
  merged: { label: '已并案', stage: 'linked', isOpen: false, hasLiveLead: false },
};

function statusesWhere(test: (info: CaseStatusInfo) => boolean): readonly CaseStatus[] {
  return CASE_STATUSES.filter((s) => test(CASE_STATUS_INFO[s]));
}

export const OPEN_CASE_STATUSES = statusesWhere((i) => i.isOpen);
export const LIVE_CASE_STATUSES = statusesWhere((i) => i.hasLiveLead);
export const FINISHED_CASE_STATUSES = statusesWhere((i) => i.stage === 'finished');
export const WITH_CENTRE_CASE_STATUSES = statusesWhere((i) => i.stage === 'with_centre');
export const WITH_UNIT_CASE_STATUSES = statusesWhere((i) => i.stage === 'with_unit');

export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value);
}

export function isOpenStatus(status: CaseStatus): boolean {
  return CASE_STATUS_INFO[status].isOpen;
}
