// Which action buttons to offer on a case, from its status and the viewer's roles and unit. A hint
// for the screen only: the server decides and refuses what is not allowed, with a code.
import type { HttpCaseAction } from '@jiesu/contracts';
import type { Role } from '@jiesu/core';
import type { CaseDetail } from '../../api/types';

export interface Viewer {
  unitCode: string;
  unitClass: string;
  roles: readonly Role[];
}

export function availableActions(c: Pick<CaseDetail, 'status' | 'kind' | 'assignments' | 'extensions' | 'whistles'>, v: Viewer): HttpCaseAction[] {
  const has = (...r: Role[]) => r.some((x) => v.roles.includes(x));
  const isDispatchUnit = v.unitClass === 'centre' || v.unitClass === 'district';
  // Dispatch decisions are the dispatcher's; an operator may also answer a consultation directly.
  const isCentreStaff = isDispatchUnit && has('dispatcher');
  const mayAnswer = isDispatchUnit && has('dispatcher', 'operator');
  const live = c.assignments.filter((a) => a.state === 'pending' || a.state === 'signed');
  const lead = live.find((a) => a.role === 'lead');
  const isLeadHandler = !!lead && lead.unit.code === v.unitCode && has('handler', 'unit_leader');
  const myCo = live.find((a) => a.role === 'co' && a.unit.code === v.unitCode);
  const out: HttpCaseAction[] = [];
  switch (c.status) {
    case 'received':
      if (isCentreStaff) out.push('dispatch');
      if (mayAnswer && c.kind === 'consultation') out.push('answer');
      break;
    case 'dispatched':
      if (isLeadHandler) out.push('sign', 'return');
      if (isCentreStaff) out.push('redispatch');
      break;
    case 'returned':
      if (isCentreStaff) out.push('accept_return', 'refuse_return', 'open_dispute');
      break;
    case 'disputed':
      if (isCentreStaff) out.push('rule_dispute');
      break;
    case 'signed':
    case 'handling':
      if (isLeadHandler) {
        out.push('contact', 'submit_feedback', 'note', 'request_extension');
        if (v.unitClass === 'street') out.push('whistle');
        out.push('add_co_handler');
      }
      if (isCentreStaff) {
        if (c.extensions.some((e) => e.decision === 'pending')) out.push('approve_extension', 'refuse_extension');
        out.push('redispatch');
      }
      break;
    case 'feedback':
      if (isCentreStaff) out.push('close', 'send_back');
      break;
    default:
      break;
  }
  if (myCo && myCo.state === 'pending') out.push('acknowledge');
  if (c.whistles.some((w) => !w.reportedAt && w.unit.code === v.unitCode)) out.push('whistle_report');
  if (has('supervisor') && (c.status === 'dispatched' || c.status === 'signed' || c.status === 'handling' || c.status === 'received')) out.push('remind', 'escalate');
  return out;
}
