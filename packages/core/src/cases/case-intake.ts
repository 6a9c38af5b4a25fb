// Intake (受理): validates what the operator (or Open311, or a unit finding a problem itself)
// recorded, numbers the case, and starts the dispatch clock.
import { DomainError } from '../errors';
import { hasRole } from '../org/roles';
import { validateAttachments } from './case-attachments';
import { startClock } from './case-clocks';
import { actorRef, type Decision, type IntakeContext, policyOf } from './case-decision';
import { formatCaseNumber } from './case-number';
import { CASE_CHANNELS, CASE_KINDS, CASE_URGENCIES, type CaseIntake, type CaseState, type Requester } from './case-types';

function invalid(field: string, message: string, value?: unknown): never {
  throw new DomainError('VALIDATION_FAILED', message, { field, value });
}

function oneOf<T extends string>(list: readonly T[], value: unknown, field: string): T {
  if (typeof value !== 'string' || !(list as readonly string[]).includes(value)) invalid(field, `${field} must be one of ${list.join(', ')}.`, value);
  return value as T;
}

function text(value: unknown, field: string, what: string): string {
  const t = typeof value === 'string' ? value.trim() : '';
  if (t.length === 0) invalid(field, `${what} is required.`, value);
  return t;
}

const PHONE_PATTERN = /^\+?[\d\s-]{5,20}$/;

function checkRequester(r: Requester, channel: CaseIntake['channel']): Requester {
  const name = r.name?.trim() || null;
  const phone = r.phone?.replace(/\s/g, '') || null;
  if (phone !== null && !PHONE_PATTERN.test(phone)) invalid('requester.phone', 'The phone number is not valid.', r.phone);
  // A caller always has a number to call back; other channels may come without one.
  if (channel === 'phone' && phone === null) invalid('requester.phone', 'A phone intake needs the caller’s number.');
  return { name, phone, isAnonymous: r.isAnonymous === true };
}

export function initialState(intake: CaseIntake, ctx: IntakeContext): Decision {
  const { actor, now } = ctx;
  const policy = policyOf(ctx);
  const channel = oneOf(CASE_CHANNELS, intake.channel, 'channel');
  // Operators and dispatchers take requests in; a unit's own staff may record what they found (主动治理).
  const mayTakeIn = hasRole(actor, 'operator', 'dispatcher') || (channel === 'proactive' && hasRole(actor, 'handler', 'unit_leader', 'supervisor'));
  if (!mayTakeIn) {
    throw new DomainError('FORBIDDEN', 'Only an operator or dispatcher may take a request in (a unit may record a proactive case).', {
      action: 'intake',
    });
  }
  const coords = intake.location.coordinates ?? null;
  if (coords !== null && !(Math.abs(coords.lng) <= 180 && Math.abs(coords.lat) <= 90)) {
    invalid('location.coordinates', 'Coordinates must be a longitude within ±180 and a latitude within ±90.', coords);
  }
  const by = actorRef(actor);
  const at = new Date(now.getTime());
  const kind = oneOf(CASE_KINDS, intake.kind, 'kind');
  const urgency = oneOf(CASE_URGENCIES, intake.urgency, 'urgency');
  const attachments = validateAttachments(intake.attachments, policy.attachments);
  const intakeUnit = { code: actor.unitCode, path: actor.unitPath };
  const dispatchClock = startClock(
    { key: 'dispatch', name: 'dispatch', owner: intakeUnit, startedAt: at, rule: policy.clocks.byUrgency[urgency].dispatch },
    ctx.calendar,
    policy.clocks,
  );
  const state: CaseState = {
    id: text(ctx.caseId, 'caseId', 'The case id'),
    caseNumber: formatCaseNumber(at, ctx.dailySequence, policy.timeZone),
    version: 1,
    eventCount: 1,
    status: 'received',
    channel,
    kind,
    categoryCode: text(intake.categoryCode, 'categoryCode', 'The category'),
    urgency,
    requester: checkRequester(intake.requester, channel),
    subject: text(intake.subject, 'subject', 'The subject'),
    detail: typeof intake.detail === 'string' ? intake.detail.trim() : '',
    location: {
      address: text(intake.location.address, 'location.address', 'The address'),
      coordinates: coords === null ? null : { lng: coords.lng, lat: coords.lat },
      districtCode: intake.location.districtCode || null,
      streetCode: intake.location.streetCode || null,
      communityCode: intake.location.communityCode || null,
    },
    attachments,
    receivedAt: at,
    receivedBy: by,
    intakeUnit,
    answer: null,
    dispatchCount: 0,
    assignments: [],
    firstReceiverUnitCode: null,
    returns: [],
    disputes: [],
    contactedAt: null,
    whistles: [],
    extensions: [],
    feedbacks: [],
    closedAt: null,
    visit: null,
    scoredPeriodKey: null,
    parent: null,
    children: [],
    clocks: [dispatchClock],
    overdue: [],
  };
  return {
    state,
    events: [
      {
        caseId: state.id,
        seq: 1,
        action: 'intake',
        fromStatus: null,
        toStatus: 'received',
        actor: { ...by },
        at: new Date(at.getTime()),
        note: null,
        attachments: structuredClone(attachments),
        data: { caseNumber: state.caseNumber, channel, kind, urgency, categoryCode: state.categoryCode },
      },
    ],
    clocks: [{ op: 'start', clock: structuredClone(dispatchClock) }],
    notifications: [],
  };
}
