// Everything that can be asked of an existing work item. `type` is the action name used in the
// transition table, in history rows, in permission rules and in the HTTP route.
import type { CaseAttachment } from '../cases/case-types';
import type { WorkItemDue } from './work-item-types';

export const WORK_ITEM_ACTIONS = [
  'start', // the owner begins
  'progress', // the owner reports progress, with evidence
  'complete', // the owner finishes, with evidence
  'acknowledge', // 签收 / 知悉: the owner confirms it was received (and, for a notice, understood)
  'reopen', // the supervisor sends a finished or cancelled item back
  'cancel', // the supervisor withdraws it
  'extend', // the supervisor moves the deadline later
  'remind', // 催办
  'escalate', // 督办: past the deadline, marks it overdue
] as const;
export type WorkItemAction = (typeof WORK_ITEM_ACTIONS)[number];

type Cmd<T extends WorkItemAction, P = object> = { type: T; note?: string | null } & P;

export type WorkItemCommand =
  | Cmd<'start'>
  | Cmd<'progress', { text: string; attachments?: readonly CaseAttachment[]; linkedCaseIds?: readonly string[] }>
  | Cmd<'complete', { text: string; attachments?: readonly CaseAttachment[]; linkedCaseIds?: readonly string[] }>
  | Cmd<'acknowledge'>
  | Cmd<'reopen', { reason: string; due?: WorkItemDue }>
  | Cmd<'cancel', { reason: string }>
  /** A span is added to the current deadline; an instant replaces it. */
  | Cmd<'extend', { reason: string; due: WorkItemDue }>
  | Cmd<'remind'>
  | Cmd<'escalate'>;

export type WorkItemCommandOf<A extends WorkItemAction> = Extract<WorkItemCommand, { type: A }>;
