// 重复来电: linking a new case to an earlier one from the same caller about the same problem. An
// earlier case still open is a duplicate (并案, merge into it); one already finished (closed,
// visited, scored, answered) is a repeat: the new case is handled on its own and records that it
// repeats the earlier one, so its unit and the evaluators see the problem came back. Operators and
// dispatchers link, as for 并案.
import { DomainError } from '../errors';
import { type Actor, hasRole } from '../org/roles';
import { isOpenStatus } from './case-status';
import type { CaseState } from './case-types';

export function checkRepeatLink(actor: Actor, later: Pick<CaseState, 'id' | 'receivedAt'>, earlier: Pick<CaseState, 'id' | 'caseNumber' | 'status' | 'receivedAt'>): void {
  if (!hasRole(actor, 'operator', 'dispatcher')) {
    throw new DomainError('FORBIDDEN', 'Only operators and dispatchers link a repeat call.', { action: 'link_repeat' });
  }
  if (later.id === earlier.id) throw new DomainError('VALIDATION_FAILED', 'A case cannot repeat itself.', { field: 'earlierCaseId' });
  if (earlier.receivedAt.getTime() > later.receivedAt.getTime()) {
    throw new DomainError('VALIDATION_FAILED', `Case ${earlier.caseNumber} came in after this one; link the later case to the earlier.`, { field: 'earlierCaseId' });
  }
  if (isOpenStatus(earlier.status)) {
    throw new DomainError('REPEAT_OF_OPEN_CASE', `Case ${earlier.caseNumber} is still open (${earlier.status}); link it as a duplicate (并案) instead.`, {
      field: 'earlierCaseId',
      earlierStatus: earlier.status,
    });
  }
}
