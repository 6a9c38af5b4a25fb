// 未诉先办 routes: zones, patrols (and their findings into proactive cases), warnings, measures,
// own-measure scores and settings. Policy notices live in notices.routes.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, PROACTIVE_ENDPOINTS } from '@jiesu/contracts';
import { DomainError, hasRole } from '@jiesu/core';
import { idempotencyKeyOf, routeEndpoint } from '../endpoint-route';
import { presentCase } from '../../use-cases/cases/get-case';
import { dismissWarning } from '../../use-cases/proactive/dismiss-warning';
import { getMyStreet } from '../../use-cases/proactive/get-my-street';
import { getProactiveMeasures } from '../../use-cases/proactive/get-proactive-measures';
import { getProactiveScores } from '../../use-cases/proactive/get-proactive-scores';
import { listPatrols } from '../../use-cases/proactive/list-patrols';
import { getWarning, listWarnings } from '../../use-cases/proactive/list-warnings';
import { listZones } from '../../use-cases/proactive/list-zones';
import { loadStreetAccess } from '../../use-cases/proactive/proactive-access';
import { getProactiveSettings, updateProactiveSettings } from '../../use-cases/proactive/proactive-settings';
import { recordPatrol } from '../../use-cases/proactive/record-patrol';
import { saveZone } from '../../use-cases/proactive/save-zone';
import { scanWarnings } from '../../use-cases/proactive/scan-warnings';
import { turnFindingIntoCase } from '../../use-cases/proactive/turn-finding-into-case';
import { turnWarningIntoTask } from '../../use-cases/proactive/turn-warning-into-task';
import { presentWorkItem } from '../../use-cases/work-items/work-item-context';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const route = { prefix: '/api/proactive', errors };
const E = PROACTIVE_ENDPOINTS;

export const proactiveRoutes: FastifyPluginAsyncTypebox = async (app) => {
  routeEndpoint(app, E.myStreet, route, async (request) => getMyStreet(app.ctx, { actor: request.actor }));
  routeEndpoint(app, E.zones, route, async (request) =>
    listZones(app.ctx, { actor: request.actor, streetCode: request.params.street, ...(request.query.on ? { onDate: request.query.on } : {}) }),
  );
  routeEndpoint(app, E.createZone, route, async (request) => saveZone(app.ctx, { actor: request.actor, streetCode: request.params.street, zone: request.body }));
  routeEndpoint(app, E.updateZone, route, async (request) => {
    const { isActive, expectedVersion, ...zone } = request.body;
    return saveZone(app.ctx, {
      actor: request.actor,
      streetCode: request.params.street,
      zoneId: request.params.id,
      zone,
      ...(isActive !== undefined ? { isActive } : {}),
      ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    });
  });

  routeEndpoint(app, E.patrols, route, async (request) => {
    const q = request.query;
    return listPatrols(app.ctx, {
      actor: request.actor,
      streetCode: request.params.street,
      ...(q.community ? { communityCode: q.community } : {}),
      ...(q.zone ? { zoneId: q.zone } : {}),
      ...(q.from ? { from: new Date(q.from) } : {}),
      ...(q.to ? { to: new Date(q.to) } : {}),
      ...(q.limit ? { limit: q.limit } : {}),
    });
  });
  routeEndpoint(app, E.recordPatrol, route, async (request) => {
    const b = request.body;
    const { patrol, isNew } = await recordPatrol(app.ctx, {
      actor: request.actor,
      streetCode: request.params.street,
      communityCode: b.communityCode,
      observations: b.observations,
      ...(b.kind ? { kind: b.kind } : {}),
      ...(b.patrolledAt ? { patrolledAt: new Date(b.patrolledAt) } : {}),
      ...(b.point !== undefined ? { point: b.point } : {}),
      ...(b.attachmentIds ? { attachmentIds: b.attachmentIds } : {}),
      idempotencyKey: idempotencyKeyOf(request),
    });
    return { body: patrol, isNew };
  });
  routeEndpoint(app, E.findingCase, route, async (request) => {
    const b = request.body;
    const { state, isNew } = await turnFindingIntoCase(app.ctx, {
      actor: request.actor,
      patrolId: request.params.id,
      idempotencyKey: idempotencyKeyOf(request),
      finding: {
        categoryCode: b.categoryCode,
        subject: b.subject,
        ...(b.detail !== undefined ? { detail: b.detail } : {}),
        ...(b.kind ? { kind: b.kind } : {}),
        ...(b.urgency ? { urgency: b.urgency } : {}),
        ...(b.address !== undefined ? { address: b.address } : {}),
        ...(b.requester ? { requester: b.requester } : {}),
      },
    });
    return { body: await presentCase(app.ctx, { actor: request.actor, state }), isNew };
  });

  routeEndpoint(app, E.warnings, route, async (request) =>
    listWarnings(app.ctx, {
      actor: request.actor,
      streetCode: request.params.street,
      ...(request.query.status ? { status: request.query.status } : {}),
      ...(request.query.limit ? { limit: request.query.limit } : {}),
    }),
  );
  routeEndpoint(app, E.scanWarnings, route, async (request) => {
    await loadStreetAccess(app.ctx, request.actor, request.params.street);
    if (!hasRole(request.actor, 'unit_leader', 'supervisor', 'administrator', 'analyst'))
      throw new DomainError('FORBIDDEN', 'Only leaders, supervisors and analysts run the warning scan.', { roles: ['unit_leader', 'supervisor', 'analyst'] });
    return scanWarnings(app.ctx, { streetCodes: [request.params.street], ...(request.body.asOf ? { asOf: request.body.asOf } : {}) });
  });
  routeEndpoint(app, E.warning, route, async (request) => getWarning(app.ctx, { actor: request.actor, id: request.params.id }));
  routeEndpoint(app, E.dismissWarning, route, async (request) => dismissWarning(app.ctx, { actor: request.actor, id: request.params.id, reason: request.body.reason }));

  routeEndpoint(app, E.warningTask, route, async (request) => {
    const { warningId, workItem } = await turnWarningIntoTask(app.ctx, { actor: request.actor, id: request.params.id, ...request.body });
    return { warningId, workItem: presentWorkItem(workItem, request.actor, app.ctx.now()) };
  });

  routeEndpoint(app, E.measures, route, async (request) =>
    getProactiveMeasures(app.ctx, {
      actor: request.actor,
      streetCode: request.params.street,
      ...(request.query.quarter ? { quarterKey: request.query.quarter } : {}),
      ...(request.query.from ? { firstDay: request.query.from } : {}),
      ...(request.query.to ? { lastDay: request.query.to } : {}),
    }),
  );
  routeEndpoint(app, E.scores, route, async (request) => getProactiveScores(app.ctx, { actor: request.actor, periodKey: request.params.period }));
  routeEndpoint(app, E.settings, route, async () => getProactiveSettings(app.ctx));
  routeEndpoint(app, E.updateSettings, route, async (request) =>
    updateProactiveSettings(app.ctx, {
      actor: request.actor,
      ...(request.body.proactiveRates !== undefined ? { proactiveRates: request.body.proactiveRates } : {}),
      ...(request.body.warnings !== undefined ? { warnings: request.body.warnings } : {}),
    }),
  );
};
