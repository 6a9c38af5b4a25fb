// Topics of the month (每月一题) run as projects: topic → problems → tasks (work items) → policies,
// linked cases, the before/after effect and the monthly report.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CreateTopicBody, ErrorBody, LinkCaseBody, PolicyBody, ProblemBody, TopicAction, TopicActionBody, TopicTaskBody } from '@jiesu/contracts';
import { Type } from 'typebox';
import { actOnTopic } from '../../use-cases/topics/act-on-topic';
import { addTopicProblem } from '../../use-cases/topics/add-topic-problem';
import { createTopic } from '../../use-cases/topics/create-topic';
import { exportTopicReport } from '../../use-cases/topics/export-topic-report';
import { getTopic, listTopics } from '../../use-cases/topics/get-topic';
import { getProblemEffect, linkProblemCase, listProblemCases, unlinkProblemCase } from '../../use-cases/topics/problem-cases';
import { recordPolicy } from '../../use-cases/topics/record-policy';
import { createTopicTask, listTopicTasks } from '../../use-cases/topics/topic-tasks';

const tags = ['topics'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const Ok = Type.Unknown();
const Uuid = Type.String({ format: 'uuid' });
const TopicParams = Type.Object({ id: Uuid });
const ProblemParams = Type.Object({ id: Uuid, problemId: Uuid });

export const topicRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/',
    { schema: { tags, summary: '选题: create a month’s topic with its problems (centre)', body: CreateTopicBody, response: { 200: Ok, 201: Ok, ...errors } } },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const r = await createTopic(app.ctx, { actor: request.actor, ...request.body, idempotencyKey: typeof key === 'string' ? key : null });
      return reply.status(r.isNew ? 201 : 200).send(await getTopic(app.ctx, { actor: request.actor, topicId: r.topic.id }));
    },
  );
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Topics, newest month first',
        querystring: Type.Object(
          { month: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}$' })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) },
          { additionalProperties: false },
        ),
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => ({ items: await listTopics(app.ctx, { actor: request.actor, ...request.query }) }),
  );
  app.get('/:id', { schema: { tags, summary: 'A topic: problems, task progress, policies', params: TopicParams, response: { 200: Ok, ...errors } } }, async (request) =>
    getTopic(app.ctx, { actor: request.actor, topicId: request.params.id }),
  );
  app.post(
    '/:id/actions/:action',
    {
      schema: {
        tags,
        summary: 'Start (links matching cases), close or reopen a topic',
        params: Type.Object({ id: Uuid, action: TopicAction }),
        body: TopicActionBody,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      const r = await actOnTopic(app.ctx, { actor: request.actor, topicId: request.params.id, command: request.params.action, ...request.body });
      return { ...(await getTopic(app.ctx, { actor: request.actor, topicId: r.topic.id })), linked: r.linked };
    },
  );
  app.post(
    '/:id/problems',
    { schema: { tags, summary: 'Add a problem (at most three per topic)', params: TopicParams, body: ProblemBody, response: { 201: Ok, ...errors } } },
    async (request, reply) => reply.status(201).send(await addTopicProblem(app.ctx, { actor: request.actor, topicId: request.params.id, problem: request.body })),
  );
  app.post(
    '/:id/problems/:problemId/tasks',
    {
      schema: {
        tags,
        summary: 'Set a task (a work item) for the problem’s lead or a co-unit, with a deadline',
        params: ProblemParams,
        body: TopicTaskBody,
        response: { 200: Ok, 201: Ok, ...errors },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const { dueAt, ...body } = request.body;
      const r = await createTopicTask(app.ctx, {
        actor: request.actor,
        topicId: request.params.id,
        problemId: request.params.problemId,
        ...body,
        ...(dueAt !== undefined ? { dueAt: new Date(dueAt) } : {}),
        idempotencyKey: typeof key === 'string' ? key : null,
      });
      return reply.status(r.isNew ? 201 : 200).send(r.item);
    },
  );
  app.get(
    '/:id/problems/:problemId/tasks',
    {
      schema: {
        tags,
        summary: 'The problem’s tasks you may see (work items, deadline order)',
        params: ProblemParams,
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })), cursor: Type.Optional(Type.String({ maxLength: 200 })) },
          { additionalProperties: false },
        ),
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => listTopicTasks(app.ctx, { actor: request.actor, topicId: request.params.id, problemId: request.params.problemId, ...request.query }),
  );
  app.get(
    '/:id/problems/:problemId/cases',
    {
      schema: {
        tags,
        summary: 'Cases linked to a problem (centre, lead and co-units)',
        params: ProblemParams,
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }, { additionalProperties: false }),
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => ({ items: await listProblemCases(app.ctx, { actor: request.actor, topicId: request.params.id, problemId: request.params.problemId, ...request.query }) }),
  );
  app.post(
    '/:id/problems/:problemId/cases',
    { schema: { tags, summary: 'Link a case to a problem by hand', params: ProblemParams, body: LinkCaseBody, response: { 200: Ok, 201: Ok, ...errors } } },
    async (request, reply) => {
      const r = await linkProblemCase(app.ctx, { actor: request.actor, topicId: request.params.id, problemId: request.params.problemId, ...request.body });
      return reply.status(r.isNew ? 201 : 200).send(r);
    },
  );
  app.delete(
    '/:id/problems/:problemId/cases/:caseId',
    { schema: { tags, summary: 'Unlink a case from a problem', params: Type.Object({ id: Uuid, problemId: Uuid, caseId: Uuid }), response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await unlinkProblemCase(app.ctx, { actor: request.actor, topicId: request.params.id, problemId: request.params.problemId, caseId: request.params.caseId });
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/:id/problems/:problemId/effect',
    {
      schema: {
        tags,
        summary: 'Matching cases and resolution/satisfaction by week, before and after the start',
        params: ProblemParams,
        querystring: Type.Object({ weeksBefore: Type.Optional(Type.Integer({ minimum: 1, maximum: 52 })) }, { additionalProperties: false }),
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => getProblemEffect(app.ctx, { actor: request.actor, topicId: request.params.id, problemId: request.params.problemId, ...request.query }),
  );
  app.post(
    '/:id/policies',
    {
      schema: {
        tags,
        summary: '政策: record a policy issued (document uploaded through /api/attachments)',
        params: TopicParams,
        body: PolicyBody,
        response: { 201: Ok, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await recordPolicy(app.ctx, { actor: request.actor, topicId: request.params.id, ...request.body })),
  );
  app.get('/:id/report.xlsx', { schema: { tags, summary: 'The monthly topic report as an Excel workbook', params: TopicParams } }, async (request, reply) => {
    const r = await exportTopicReport(app.ctx, { actor: request.actor, topicId: request.params.id });
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${r.filename}"`)
      .send(r.body);
  });
};
