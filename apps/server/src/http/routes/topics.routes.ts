// Topics of the month (每月一题) run as projects: topic → problems → tasks (work items) → policies,
// linked cases, the before/after effect and the monthly report.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, TOPIC_ENDPOINTS } from '@jiesu/contracts';
import { Type } from 'typebox';
import { actOnTopic } from '../../use-cases/topics/act-on-topic';
import { addTopicProblem } from '../../use-cases/topics/add-topic-problem';
import { createTopic } from '../../use-cases/topics/create-topic';
import { exportTopicReport } from '../../use-cases/topics/export-topic-report';
import { getTopic, listTopics } from '../../use-cases/topics/get-topic';
import { getProblemEffect, linkProblemCase, listProblemCases, unlinkProblemCase } from '../../use-cases/topics/problem-cases';
import { recordPolicy } from '../../use-cases/topics/record-policy';
import { createTopicTask, listTopicTasks } from '../../use-cases/topics/topic-tasks';
import { idempotencyKeyOf, routeEndpoint } from '../endpoint-route';

const route = { prefix: '/api/topics', errors: { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody } };
const TopicParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const E = TOPIC_ENDPOINTS;

export const topicRoutes: FastifyPluginAsyncTypebox = async (app) => {
  routeEndpoint(app, E.create, route, async (request) => {
    const r = await createTopic(app.ctx, { actor: request.actor, ...request.body, idempotencyKey: idempotencyKeyOf(request) });
    return { body: await getTopic(app.ctx, { actor: request.actor, topicId: r.topic.id }), isNew: r.isNew };
  });
  routeEndpoint(app, E.list, route, async (request) => ({ items: await listTopics(app.ctx, { actor: request.actor, ...request.query }) }));
  routeEndpoint(app, E.get, route, async (request) => getTopic(app.ctx, { actor: request.actor, topicId: request.params.id }));
  routeEndpoint(app, E.act, route, async (request) => {
    const r = await actOnTopic(app.ctx, { actor: request.actor, topicId: request.params.id, command: request.params.action, ...request.body });
    return { ...(await getTopic(app.ctx, { actor: request.actor, topicId: r.topic.id })), linked: r.linked };
  });
  routeEndpoint(app, E.addProblem, route, async (request) => addTopicProblem(app.ctx, { actor: request.actor, topicId: request.params.id, problem: request.body }));
  routeEndpoint(app, E.createTask, route, async (request) => {
    const { dueAt, ...body } = request.body;
    const r = await createTopicTask(app.ctx, {
      actor: request.actor,
      topicId: request.params.id,
      problemId: request.params.problemId,
      ...body,
      ...(dueAt !== undefined ? { dueAt: new Date(dueAt) } : {}),
      idempotencyKey: idempotencyKeyOf(request),
    });
    return { body: r.item, isNew: r.isNew };
  });
  routeEndpoint(app, E.tasks, route, async (request) =>
    listTopicTasks(app.ctx, { actor: request.actor, topicId: request.params.id, problemId: request.params.problemId, ...request.query }),
  );
  routeEndpoint(app, E.cases, route, async (request) => ({
    items: await listProblemCases(app.ctx, { actor: request.actor, topicId: request.params.id, problemId: request.params.problemId, ...request.query }),
  }));
  routeEndpoint(app, E.linkCase, route, async (request) => {
    const r = await linkProblemCase(app.ctx, { actor: request.actor, topicId: request.params.id, problemId: request.params.problemId, ...request.body });
    return { body: r, isNew: r.isNew };
  });
  routeEndpoint(app, E.unlinkCase, route, async (request) => {
    await unlinkProblemCase(app.ctx, { actor: request.actor, topicId: request.params.id, problemId: request.params.problemId, caseId: request.params.caseId });
    return null;
  });
  routeEndpoint(app, E.effect, route, async (request) =>
    getProblemEffect(app.ctx, { actor: request.actor, topicId: request.params.id, problemId: request.params.problemId, ...request.query }),
  );
  routeEndpoint(app, E.recordPolicy, route, async (request) => recordPolicy(app.ctx, { actor: request.actor, topicId: request.params.id, ...request.body }));
  app.get('/:id/report.xlsx', { schema: { tags: ['topics'], summary: 'The monthly topic report as an Excel workbook', params: TopicParams } }, async (request, reply) => {
    const r = await exportTopicReport(app.ctx, { actor: request.actor, topicId: request.params.id });
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${r.filename}"`)
      .send(r.body);
  });
};
