// The decider: given a case, a command and its context, return the next state with its history,
// clock changes and notifications — or throw a DomainError and change nothing. Checks run in a
// fixed order: the (status × action) table, then who may act, then the payload.
import type { CaseCommand } from './case-commands';
import type { Decision, DecisionContext } from './case-decision';
import { assertActionAllowed } from './case-transitions';
import type { CaseState } from './case-types';
import {
  decideAcceptReturn,
  decideAcknowledge,
  decideAddCoHandler,
  decideDispatch,
  decideOpenDispute,
  decideRedispatch,
  decideRefuseReturn,
  decideReturn,
  decideRuleDispute,
  decideSign,
} from './decide-dispatch';
import {
  decideApproveExtension,
  decideClose,
  decideContact,
  decideNote,
  decideRefuseExtension,
  decideRequestExtension,
  decideSendBack,
  decideSubmitFeedback,
  decideWhistle,
  decideWhistleReport,
} from './decide-handling';
import { decideAnswer, decideEscalate, decideLinkChild, decideMerge, decideParentClosed, decideRecordVisit, decideRemind, decideScore } from './decide-other';
import { DecisionDraft } from './decision-draft';

export function decide(state: CaseState, command: CaseCommand, ctx: DecisionContext): Decision {
  assertActionAllowed(state.status, command.type);
  const d = new DecisionDraft(state, ctx);
  switch (command.type) {
    case 'answer':
      decideAnswer(d, command);
      break;
    case 'dispatch':
      decideDispatch(d, command);
      break;
    case 'redispatch':
      decideRedispatch(d, command);
      break;
    case 'sign':
      decideSign(d, command);
      break;
    case 'return':
      decideReturn(d, command);
      break;
    case 'accept_return':
      decideAcceptReturn(d, command);
      break;
    case 'refuse_return':
      decideRefuseReturn(d, command);
      break;
    case 'open_dispute':
      decideOpenDispute(d, command);
      break;
    case 'rule_dispute':
      decideRuleDispute(d, command);
      break;
    case 'acknowledge':
      decideAcknowledge(d, command);
      break;
    case 'add_co_handler':
      decideAddCoHandler(d, command);
      break;
    case 'contact':
      decideContact(d, command);
      break;
    case 'note':
      decideNote(d, command);
      break;
    case 'whistle':
      decideWhistle(d, command);
      break;
    case 'whistle_report':
      decideWhistleReport(d, command);
      break;
    case 'request_extension':
      decideRequestExtension(d, command);
      break;
    case 'approve_extension':
      decideApproveExtension(d, command);
      break;
    case 'refuse_extension':
      decideRefuseExtension(d, command);
      break;
    case 'submit_feedback':
      decideSubmitFeedback(d, command);
      break;
    case 'close':
      decideClose(d, command);
      break;
    case 'send_back':
      decideSendBack(d, command);
      break;
    case 'merge':
      decideMerge(d, command);
      break;
    case 'link_child':
      decideLinkChild(d, command);
      break;
    case 'parent_closed':
      decideParentClosed(d, command);
      break;
    case 'record_visit':
      decideRecordVisit(d, command);
      break;
    case 'score':
      decideScore(d, command);
      break;
    case 'remind':
      decideRemind(d, command);
      break;
    case 'escalate':
      decideEscalate(d, command);
      break;
    default: {
      const unknown: never = command;
      throw new Error(`Unhandled case command ${JSON.stringify(unknown)}`);
    }
  }
  return d.finish();
}
