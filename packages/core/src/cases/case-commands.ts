// Everything that can be asked of an existing case. `type` is the action name used in the
// transition table, in history rows and in permission rules.
import type { VisitAnswers } from '../scoring/types';
import type { CaseAttachment, DeadlineSpan, UnitRef } from './case-types';
import type { CaseStatus } from './case-status';

export const CASE_ACTIONS = [
  'answer', // 直接答复
  'dispatch', // 派单 (also the re-dispatch after an accepted return)
  'redispatch', // 改派: the centre moves a live dispatch elsewhere
  'sign', // 签收 by the lead
  'return', // 退单 by the lead, before signing
  'accept_return',
  'refuse_return',
  'open_dispute', // 管辖争议
  'rule_dispute', // binding ruling
  'acknowledge', // a co-handler signs for its part
  'add_co_handler', // 协办
  'contact', // 响应: contact with the requester
  'note',
  'whistle', // 吹哨
  'whistle_report', // 报到
  'request_extension', // 延期
  'approve_extension',
  'refuse_extension',
  'submit_feedback', // 办结反馈
  'close', // review: accept the feedback
  'send_back', // review: 退回重办
  'merge', // 并案: this case follows a parent
  'link_child', // the parent records a merged child
  'parent_closed', // the child closes with its parent
  'record_visit', // 回访
  'score', // counted in an evaluation period
  'remind', // 催办
  'escalate', // 督办 / 超期
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/**
 * Who gets the case. `dual` (双派双督): a street and one of its communities at once, both
 * supervised. `backstop` (兜底): the district of the location, when no unit can be identified.
 */
export interface DispatchPlan {
  lead: UnitRef;
  coHandlers?: readonly UnitRef[];
  mode?: 'standard' | 'dual' | 'backstop';
}

type Cmd<T extends CaseAction, P = object> = { type: T; note?: string | null } & P;

export type CaseCommand =
  | Cmd<'answer', { text: string }>
  | Cmd<'dispatch', { plan: DispatchPlan }>
  | Cmd<'redispatch', { plan: DispatchPlan; reason: string }>
  | Cmd<'sign'>
  | Cmd<'return', { reason: string; attachments?: readonly CaseAttachment[]; suggestedUnitCode?: string | null }>
  | Cmd<'accept_return', { redispatch?: DispatchPlan }>
  | Cmd<'refuse_return', { reason: string }>
  | Cmd<'open_dispute', { parties: readonly UnitRef[] }>
  | Cmd<'rule_dispute', { plan: DispatchPlan; basis: string }>
  | Cmd<'acknowledge'>
  | Cmd<'add_co_handler', { units: readonly UnitRef[]; isSupervised?: boolean }>
  | Cmd<'contact', { method?: 'phone' | 'sms' | 'visit' | 'other' }>
  | Cmd<'note', { note: string; attachments?: readonly CaseAttachment[] }>
  | Cmd<'whistle', { units: readonly UnitRef[]; reason: string }>
  | Cmd<'whistle_report', { whistleId: number }>
  | Cmd<'request_extension', { requested: DeadlineSpan; reason: string }>
  | Cmd<'approve_extension', { granted?: DeadlineSpan }>
  | Cmd<'refuse_extension', { reason: string }>
  | Cmd<'submit_feedback', { summary: string; isSolved: boolean; attachments?: readonly CaseAttachment[] }>
  | Cmd<'close'>
  | Cmd<'send_back', { reason: string }>
  | Cmd<'merge', { parent: { caseId: string; caseNumber: string; status: CaseStatus } }>
  | Cmd<'link_child', { child: { caseId: string; caseNumber: string } }>
  | Cmd<'parent_closed', { parentCaseId: string; summary: string; isSolved: boolean }>
  | Cmd<'record_visit', { outcome: { status: 'valid'; answers: VisitAnswers } | { status: 'invalid'; reason: 'unreached' | 'declined' | 'wrong_number' } }>
  | Cmd<'score', { periodKey: string }>
  | Cmd<'remind', { clockKey: string }>
  | Cmd<'escalate', { clockKey: string }>;

export type CommandOf<A extends CaseAction> = Extract<CaseCommand, { type: A }>;
