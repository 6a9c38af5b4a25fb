// 居民议事会 / 楼门层长 / proposals for community staff, under /api/deliberation: thin handlers —
// validate, call one use case, present. Rules live in the core; scope in the use cases. Each route
// is registered from its description (DELIBERATION_ENDPOINTS in @jiesu/contracts).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DELIBERATION_ENDPOINTS as E, ErrorBody } from '@jiesu/contracts';
import { DELIBERATION_ASSESSMENT_ITEMS, DomainError, type MeetingCommand } from '@jiesu/core';
import { idempotencyKeyOf, routeEndpoint } from '../endpoint-route';
import { dueFromBody } from '../../use-cases/work-items/perform-work-item-action';
import { presentWorkItem } from '../../use-cases/work-items/work-item-context';
import { addFollowUp } from '../../use-cases/deliberation/add-follow-up';
import { actOnMeeting } from '../../use-cases/deliberation/act-on-meeting';
import { actOnMotion, type MotionStep } from '../../use-cases/deliberation/act-on-motion';
import { actOnProposal } from '../../use-cases/deliberation/act-on-proposal';
import { addAgendaItem, type AgendaSource } from '../../use-cases/deliberation/add-agenda-item';
import { addParticipants } from '../../use-cases/deliberation/add-participants';
import { concludeAgendaItem } from '../../use-cases/deliberation/conclude-agenda-item';
import { getDeliberationMeasures } from '../../use-cases/deliberation/get-deliberation-measures';
import { getMeeting } from '../../use-cases/deliberation/get-meeting';
import { listBuildingLeads } from '../../use-cases/deliberation/list-building-leads';
import { listMeetings } from '../../use-cases/deliberation/list-meetings';
import { listProposals } from '../../use-cases/deliberation/list-proposals';
import { moveMotion } from '../../use-cases/deliberation/move-motion';
import { recordMinutes } from '../../use-cases/deliberation/record-minutes';
import { registerBuildingLead } from '../../use-cases/deliberation/register-building-lead';
import { revealBuildingLead } from '../../use-cases/deliberation/reveal-building-lead';
import { scheduleMeeting } from '../../use-cases/deliberation/schedule-meeting';
import { sendBuildingLeadNotice } from '../../use-cases/deliberation/send-building-lead-notice';
import { sendInvitations } from '../../use-cases/deliberation/send-invitations';
import { updateBuildingLead } from '../../use-cases/deliberation/update-building-lead';

const route = { prefix: '/api/deliberation', errors: { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody } };
const versionOf = (b: { expectedVersion?: number }): { expectedVersion?: number } => (b.expectedVersion ? { expectedVersion: b.expectedVersion } : {});

export const deliberationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = app.ctx;

  routeEndpoint(app, E.meetings, route, async (r) => {
    const { status, ...q } = r.query;
    return listMeetings(ctx, { actor: r.actor, ...q, ...(status ? { statuses: status } : {}) });
  });
  routeEndpoint(app, E.scheduleMeeting, route, async (r) => scheduleMeeting(ctx, { actor: r.actor, ...r.body, scheduledAt: new Date(r.body.scheduledAt) }));
  routeEndpoint(app, E.meeting, route, async (r) => getMeeting(ctx, { actor: r.actor, meetingId: r.params.id }));

  routeEndpoint(app, E.reschedule, route, async (r) => {
    const { expectedVersion, scheduledAt, ...rest } = r.body;
    const command: MeetingCommand = { type: 'reschedule', ...rest, ...(scheduledAt ? { scheduledAt: new Date(scheduledAt) } : {}) };
    return actOnMeeting(ctx, { actor: r.actor, meetingId: r.params.id, command, ...(expectedVersion ? { expectedVersion } : {}) });
  });
  routeEndpoint(app, E.start, route, async (r) => actOnMeeting(ctx, { actor: r.actor, meetingId: r.params.id, command: { type: 'start' }, ...versionOf(r.body) }));
  routeEndpoint(app, E.close, route, async (r) => actOnMeeting(ctx, { actor: r.actor, meetingId: r.params.id, command: { type: 'close' }, ...versionOf(r.body) }));
  routeEndpoint(app, E.cancel, route, async (r) =>
    actOnMeeting(ctx, { actor: r.actor, meetingId: r.params.id, command: { type: 'cancel', reason: r.body.reason }, ...versionOf(r.body) }),
  );

  routeEndpoint(app, E.participants, route, async (r) => addParticipants(ctx, { actor: r.actor, meetingId: r.params.id, ...r.body }));
  routeEndpoint(app, E.invitations, route, async (r) => sendInvitations(ctx, { actor: r.actor, meetingId: r.params.id }));

  routeEndpoint(app, E.addItem, route, async (r) => {
    const b = r.body;
    const need = (v: string | undefined, field: string): string => {
      if (v === undefined) throw new DomainError('VALIDATION_FAILED', `body.${field} is required when sourceType is ${b.sourceType}.`, { field: `body.${field}` });
      return v;
    };
    const source: AgendaSource =
      b.sourceType === 'case'
        ? { type: 'case', caseId: need(b.caseId, 'caseId') }
        : b.sourceType === 'proposal'
          ? { type: 'proposal', proposalId: need(b.proposalId, 'proposalId') }
          : {
              type: b.sourceType,
              title: need(b.title, 'title'),
              ...(b.sourceId !== undefined ? { sourceId: b.sourceId } : {}),
              ...(b.linkedCaseIds ? { linkedCaseIds: b.linkedCaseIds } : {}),
            };
    const res = await addAgendaItem(ctx, { actor: r.actor, meetingId: r.params.id, source });
    return { body: res, isNew: res.isNew };
  });
  routeEndpoint(app, E.minutes, route, async (r) => recordMinutes(ctx, { actor: r.actor, meetingId: r.params.id, itemId: r.params.itemId, minutes: r.body.minutes }));
  routeEndpoint(app, E.conclude, route, async (r) => concludeAgendaItem(ctx, { actor: r.actor, meetingId: r.params.id, itemId: r.params.itemId, ...r.body }));

  routeEndpoint(app, E.moveMotion, route, async (r) => moveMotion(ctx, { actor: r.actor, meetingId: r.params.id, ...r.body }));
  const motion = (r: { actor: Parameters<typeof actOnMotion>[1]['actor']; params: { id: string; motionId: string } }, step: MotionStep, expectedVersion: number | undefined) =>
    actOnMotion(ctx, { actor: r.actor, meetingId: r.params.id, motionId: r.params.motionId, step, ...(expectedVersion ? { expectedVersion } : {}) });
  routeEndpoint(app, E.second, route, async (r) => motion(r, { type: 'second', secondedBy: r.body.secondedBy }, r.body.expectedVersion));
  routeEndpoint(app, E.openDiscussion, route, async (r) => motion(r, { type: 'open_discussion' }, r.body.expectedVersion));
  routeEndpoint(app, E.vote, route, async (r) => {
    const { expectedVersion, ...rest } = r.body;
    return motion(r, { type: 'vote', ...rest }, expectedVersion);
  });
  routeEndpoint(app, E.withdraw, route, async (r) => motion(r, { type: 'withdraw' }, r.body.expectedVersion));

  routeEndpoint(app, E.followUp, route, async (r) => {
    const { owner, due, ...rest } = r.body;
    const ownerOpt =
      owner.personName !== undefined
        ? {
            personName: owner.personName,
            ...(owner.personContact !== undefined ? { personContact: owner.personContact } : {}),
            ...(owner.unitCode ? { unitCode: owner.unitCode } : {}),
          }
        : { unitCode: owner.unitCode ?? '' };
    if (!('personName' in ownerOpt) && ownerOpt.unitCode === '')
      throw new DomainError('VALIDATION_FAILED', 'Give owner.unitCode, or owner.personName for a resident.', { field: 'body.owner.unitCode' });
    const res = await addFollowUp(ctx, {
      actor: r.actor,
      meetingId: r.params.id,
      ...rest,
      owner: ownerOpt,
      due: dueFromBody(due, 'body.due'),
      idempotencyKey: idempotencyKeyOf(r),
    });
    return { body: { item: presentWorkItem(res.item, r.actor, ctx.now()), isNew: res.isNew }, isNew: res.isNew };
  });

  routeEndpoint(app, E.proposals, route, async (r) => {
    const { status, ...q } = r.query;
    return listProposals(ctx, { actor: r.actor, ...q, ...(status ? { statuses: status } : {}) });
  });
  routeEndpoint(app, E.openProposal, route, async (r) => actOnProposal(ctx, { actor: r.actor, proposalId: r.params.id, command: { type: 'open' }, ...versionOf(r.body) }));
  routeEndpoint(app, E.answerProposal, route, async (r) =>
    actOnProposal(ctx, { actor: r.actor, proposalId: r.params.id, command: { type: 'answer', answer: r.body.answer }, ...versionOf(r.body) }),
  );

  routeEndpoint(app, E.buildingLeads, route, async (r) => listBuildingLeads(ctx, { actor: r.actor, ...r.query }));
  routeEndpoint(app, E.registerBuildingLead, route, async (r) => {
    const { communityCode, ...lead } = r.body;
    return registerBuildingLead(ctx, { actor: r.actor, communityCode, lead });
  });
  routeEndpoint(app, E.updateBuildingLead, route, async (r) => updateBuildingLead(ctx, { actor: r.actor, id: r.params.id, ...r.body }));
  routeEndpoint(app, E.revealBuildingLead, route, async (r) => revealBuildingLead(ctx, { actor: r.actor, id: r.params.id }));
  routeEndpoint(app, E.buildingLeadNotice, route, async (r) => sendBuildingLeadNotice(ctx, { actor: r.actor, ...r.body }));

  routeEndpoint(app, E.assessmentItems, route, async () => DELIBERATION_ASSESSMENT_ITEMS.map((i) => ({ ...i, weight: 0 })));
  routeEndpoint(app, E.measures, route, async (r) => {
    const { from, to, quarterKey, communityCode } = r.query;
    return getDeliberationMeasures(ctx, {
      actor: r.actor,
      communityCode,
      ...(quarterKey ? { quarterKey } : {}),
      ...(from ? { from: new Date(from) } : {}),
      ...(to ? { to: new Date(to) } : {}),
    });
  });
};
