// 居民议事会 / 楼门层长 / proposals for community staff, under /api/deliberation: thin handlers —
// validate, call one use case, present. Rules live in the core; scope in the use cases.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AgendaItemBody,
  BuildingLeadBody,
  BuildingLeadNoticeBody,
  BuildingLeadPatch,
  BuildingLeadQuery,
  ConclusionBody,
  ErrorBody,
  FollowUpBody,
  DeliberationMeasuresQuery,
  MEETING_ACTION_BODIES,
  MeetingListQuery,
  MinutesBody,
  MOTION_ACTION_BODIES,
  MotionBody,
  ParticipantsBody,
  PROPOSAL_ACTION_BODIES,
  ProposalListQuery,
  ScheduleMeetingBody,
} from '@jiesu/contracts';
import { DELIBERATION_ASSESSMENT_ITEMS, DomainError, type MeetingCommand } from '@jiesu/core';
import { Type } from 'typebox';
import { dueFromBody } from '../../use-cases/work-items/perform-work-item-action';
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

const tags = ['deliberation'];
const Ok = Type.Unknown();
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const MeetingParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const ItemParams = Type.Object({ id: Type.String({ format: 'uuid' }), itemId: Type.String({ format: 'uuid' }) });
const MotionParams = Type.Object({ id: Type.String({ format: 'uuid' }), motionId: Type.String({ format: 'uuid' }) });
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const deliberationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx = app.ctx;

  app.get('/meetings', { schema: { tags, summary: 'Meetings in your area, newest first', querystring: MeetingListQuery, response: { 200: Ok, ...errors } } }, async (r) => {
    const { status, ...q } = r.query;
    return listMeetings(ctx, { actor: r.actor, ...q, ...(status ? { statuses: status } : {}) });
  });
  app.post(
    '/meetings',
    { schema: { tags, summary: 'Schedule a deliberation meeting (community staff)', body: ScheduleMeetingBody, response: { 201: Ok, ...errors } } },
    async (r, reply) => reply.status(201).send(await scheduleMeeting(ctx, { actor: r.actor, ...r.body, scheduledAt: new Date(r.body.scheduledAt) })),
  );
  app.get(
    '/meetings/:id',
    { schema: { tags, summary: 'A meeting: agenda, minutes, motions, linked cases (requesters masked)', params: MeetingParams, response: { 200: Ok, ...errors } } },
    async (r) => getMeeting(ctx, { actor: r.actor, meetingId: r.params.id }),
  );

  app.post('/meetings/:id/reschedule', { schema: { tags, params: MeetingParams, body: MEETING_ACTION_BODIES.reschedule, response: { 200: Ok, ...errors } } }, async (r) => {
    const { expectedVersion, scheduledAt, ...rest } = r.body;
    const command: MeetingCommand = { type: 'reschedule', ...rest, ...(scheduledAt ? { scheduledAt: new Date(scheduledAt) } : {}) };
    return actOnMeeting(ctx, { actor: r.actor, meetingId: r.params.id, command, ...(expectedVersion ? { expectedVersion } : {}) });
  });
  for (const action of ['start', 'close'] as const) {
    app.post(
      `/meetings/:id/${action}`,
      {
        schema: {
          tags,
          summary: action === 'start' ? 'Open the session' : 'Close the session',
          params: MeetingParams,
          body: MEETING_ACTION_BODIES[action],
          response: { 200: Ok, ...errors },
        },
      },
      async (r) =>
        actOnMeeting(ctx, { actor: r.actor, meetingId: r.params.id, command: { type: action }, ...(r.body.expectedVersion ? { expectedVersion: r.body.expectedVersion } : {}) }),
    );
  }
  app.post('/meetings/:id/cancel', { schema: { tags, params: MeetingParams, body: MEETING_ACTION_BODIES.cancel, response: { 200: Ok, ...errors } } }, async (r) =>
    actOnMeeting(ctx, {
      actor: r.actor,
      meetingId: r.params.id,
      command: { type: 'cancel', reason: r.body.reason },
      ...(r.body.expectedVersion ? { expectedVersion: r.body.expectedVersion } : {}),
    }),
  );

  app.post(
    '/meetings/:id/participants',
    { schema: { tags, summary: 'Add to the invitation list (building leads by id or all)', params: MeetingParams, body: ParticipantsBody, response: { 200: Ok, ...errors } } },
    async (r) => addParticipants(ctx, { actor: r.actor, meetingId: r.params.id, ...r.body }),
  );
  app.post(
    '/meetings/:id/invitations',
    { schema: { tags, summary: 'Send the invitations not yet sent (through the outbox)', params: MeetingParams, response: { 200: Ok, ...errors } } },
    async (r) => sendInvitations(ctx, { actor: r.actor, meetingId: r.params.id }),
  );

  app.post(
    '/meetings/:id/items',
    {
      schema: {
        tags,
        summary: 'Put a case, a proposal, a hotspot group or a topic on the agenda',
        params: MeetingParams,
        body: AgendaItemBody,
        response: { 200: Ok, 201: Ok, ...errors },
      },
    },
    async (r, reply) => {
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
      return reply.status(res.isNew ? 201 : 200).send(res);
    },
  );
  app.put(
    '/meetings/:id/items/:itemId/minutes',
    { schema: { tags, summary: 'Minutes of one agenda item', params: ItemParams, body: MinutesBody, response: { 200: Ok, ...errors } } },
    async (r) => recordMinutes(ctx, { actor: r.actor, meetingId: r.params.id, itemId: r.params.itemId, minutes: r.body.minutes }),
  );
  app.post(
    '/meetings/:id/items/:itemId/conclusion',
    {
      schema: {
        tags,
        summary: 'Conclude an item: linked cases get a history note, their requesters are told',
        params: ItemParams,
        body: ConclusionBody,
        response: { 200: Ok, ...errors },
      },
    },
    async (r) => concludeAgendaItem(ctx, { actor: r.actor, meetingId: r.params.id, itemId: r.params.itemId, ...r.body }),
  );

  app.post(
    '/meetings/:id/motions',
    { schema: { tags, summary: 'Move a motion (动议) on an agenda item', params: MeetingParams, body: MotionBody, response: { 201: Ok, ...errors } } },
    async (r, reply) => reply.status(201).send(await moveMotion(ctx, { actor: r.actor, meetingId: r.params.id, ...r.body })),
  );
  for (const action of ['second', 'open_discussion', 'vote', 'withdraw'] as const) {
    app.post(
      `/meetings/:id/motions/:motionId/${action.replace(/_/g, '-')}`,
      { schema: { tags, summary: `Motion: ${action.replace(/_/g, ' ')}`, params: MotionParams, body: MOTION_ACTION_BODIES[action], response: { 200: Ok, ...errors } } },
      async (r) => {
        const { expectedVersion, ...rest } = r.body as { expectedVersion?: number } & Record<string, unknown>;
        const step = { type: action, ...rest } as MotionStep;
        return actOnMotion(ctx, { actor: r.actor, meetingId: r.params.id, motionId: r.params.motionId, step, ...(expectedVersion ? { expectedVersion } : {}) });
      },
    );
  }

  app.post(
    '/meetings/:id/follow-ups',
    {
      schema: {
        tags,
        summary: "A passed motion's follow-up task (a work item on the shared clocks); Idempotency-Key makes a retry safe",
        params: MeetingParams,
        body: FollowUpBody,
        response: { 200: Ok, 201: Ok, ...errors },
      },
    },
    async (r, reply) => {
      const { owner, due, ...rest } = r.body;
      const key = r.headers['idempotency-key'];
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
        idempotencyKey: typeof key === 'string' ? key : null,
      });
      return reply.status(res.isNew ? 201 : 200).send(res);
    },
  );

  app.get(
    '/proposals',
    { schema: { tags, summary: "Residents' proposals in your area, most supported first (proposer masked)", querystring: ProposalListQuery, response: { 200: Ok, ...errors } } },
    async (r) => {
      const { status, ...q } = r.query;
      return listProposals(ctx, { actor: r.actor, ...q, ...(status ? { statuses: status } : {}) });
    },
  );
  app.post(
    '/proposals/:id/open',
    { schema: { tags, summary: 'Open a proposal for support', params: IdParams, body: PROPOSAL_ACTION_BODIES.open, response: { 200: Ok, ...errors } } },
    async (r) =>
      actOnProposal(ctx, { actor: r.actor, proposalId: r.params.id, command: { type: 'open' }, ...(r.body.expectedVersion ? { expectedVersion: r.body.expectedVersion } : {}) }),
  );
  app.post(
    '/proposals/:id/answer',
    { schema: { tags, summary: 'Answer a proposal (why it will not go to a meeting)', params: IdParams, body: PROPOSAL_ACTION_BODIES.answer, response: { 200: Ok, ...errors } } },
    async (r) =>
      actOnProposal(ctx, {
        actor: r.actor,
        proposalId: r.params.id,
        command: { type: 'answer', answer: r.body.answer },
        ...(r.body.expectedVersion ? { expectedVersion: r.body.expectedVersion } : {}),
      }),
  );

  app.get(
    '/building-leads',
    { schema: { tags, summary: 'The building-lead register (楼门层长), contacts masked', querystring: BuildingLeadQuery, response: { 200: Ok, ...errors } } },
    async (r) => listBuildingLeads(ctx, { actor: r.actor, ...r.query }),
  );
  app.post('/building-leads', { schema: { tags, summary: 'Add a building, door or floor lead', body: BuildingLeadBody, response: { 201: Ok, ...errors } } }, async (r, reply) => {
    const { communityCode, ...lead } = r.body;
    return reply.status(201).send(await registerBuildingLead(ctx, { actor: r.actor, communityCode, lead }));
  });
  app.patch(
    '/building-leads/:id',
    { schema: { tags, summary: 'Edit or retire a register entry', params: IdParams, body: BuildingLeadPatch, response: { 200: Ok, ...errors } } },
    async (r) => updateBuildingLead(ctx, { actor: r.actor, id: r.params.id, ...r.body }),
  );
  app.post(
    '/building-leads/:id/reveal',
    { schema: { tags, summary: "One lead's full contact (the view is audited)", params: IdParams, response: { 200: Ok, ...errors } } },
    async (r) => revealBuildingLead(ctx, { actor: r.actor, id: r.params.id }),
  );
  app.post(
    '/building-leads/notices',
    { schema: { tags, summary: 'Send a notice to building leads (through the outbox)', body: BuildingLeadNoticeBody, response: { 200: Ok, ...errors } } },
    async (r) => sendBuildingLeadNotice(ctx, { actor: r.actor, ...r.body }),
  );

  app.get(
    '/assessment-items',
    { schema: { tags, summary: "Items a street may add to its communities' quarterly assessment, scored from these measures", response: { 200: Ok, ...errors } } },
    async () => DELIBERATION_ASSESSMENT_ITEMS.map((i) => ({ ...i, weight: 0 })),
  );
  app.get(
    '/measures',
    { schema: { tags, summary: "A community's deliberation measures for a quarter or a period", querystring: DeliberationMeasuresQuery, response: { 200: Ok, ...errors } } },
    async (r) => {
      const { from, to, quarterKey, communityCode } = r.query;
      return getDeliberationMeasures(ctx, {
        actor: r.actor,
        communityCode,
        ...(quarterKey ? { quarterKey } : {}),
        ...(from ? { from: new Date(from) } : {}),
        ...(to ? { to: new Date(to) } : {}),
      });
    },
  );
};
