// The public view of a case's history: which events a resident (or an Open311 client) may see and
// how they read in zh-CN. Internal work — staff notes, returns, disputes, extensions, whistles,
// reminders, escalations, unreviewed feedback — and every actor's identity are left out.
import type { CaseState } from '@jiesu/core';
import { isRequesterActor } from './public-actors';

export interface HistoryLike {
  seq: number;
  action: string;
  toStatus: string;
  at: Date;
  note: string | null;
  actorUsername: string;
  data: Record<string, unknown>;
}

export interface PublicEvent {
  seq: number;
  at: Date;
  action: string;
  status: string;
  text: string;
}

function unitName(state: CaseState, code: unknown): string {
  const a = state.assignments.find((x) => x.unit.code === code);
  return a?.unit.name ?? '承办单位';
}

function feedbackSummary(state: CaseState, round: unknown): string | null {
  const f = state.feedbacks.find((x) => x.round === round) ?? state.feedbacks[state.feedbacks.length - 1];
  return f?.summary ?? null;
}

/** The text a resident sees for one history event, or null when the event is internal. */
export function publicText(e: HistoryLike, state: CaseState): string | null {
  switch (e.action) {
    case 'intake':
      return '诉求已受理';
    case 'answer':
      return `已直接答复：${String(e.data.text ?? '')}`;
    case 'dispatch':
    case 'redispatch':
    case 'rule_dispute':
      return `已派至 ${unitName(state, e.data.leadUnitCode)} 办理`;
    case 'sign':
      return `${unitName(state, e.data.unitCode)} 已签收`;
    case 'contact':
      return e.data.isFirst === false ? null : '承办单位已与诉求人联系';
    case 'close': {
      const summary = feedbackSummary(state, e.data.round);
      return summary ? `已办结：${summary}` : '已办结';
    }
    case 'parent_closed':
      return `已随同类诉求一并办结：${String(e.data.summary ?? '')}`;
    case 'merge':
      return '已与同一问题的其他诉求合并办理';
    case 'record_visit':
      return '已完成回访';
    case 'note':
      return isRequesterActor(e.actorUsername) && e.note ? `诉求人补充：${e.note}` : null;
    default:
      return null;
  }
}

export function publicEvents(history: readonly HistoryLike[], state: CaseState): PublicEvent[] {
  const out: PublicEvent[] = [];
  for (const e of history) {
    const text = publicText(e, state);
    if (text !== null) out.push({ seq: e.seq, at: e.at, action: e.action, status: e.toStatus, text });
  }
  return out;
}

/** cases.history() rows in the shape above. */
export function historyLike(
  rows: ReadonlyArray<{ seq: number; action: string; toStatus: string; at: Date; note: string | null; actor: { username: string }; data: Record<string, unknown> }>,
): HistoryLike[] {
  return rows.map((r) => ({ seq: r.seq, action: r.action, toStatus: r.toStatus, at: r.at, note: r.note, actorUsername: r.actor.username, data: r.data }));
}
