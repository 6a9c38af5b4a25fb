// The console's working-day endpoints (descriptions in @jiesu/contracts console.ts): the dashboard
// aggregates, the menu badges, caller history at intake, batch reminders and the bell's read mark.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CONSOLE_ENDPOINTS, ErrorBody } from '@jiesu/contracts';
import { loadCaseInScope } from '../../use-cases/cases/get-case';
import { linkRepeatCall, repeatLinks } from '../../use-cases/cases/link-repeat-call';
import { remindCases } from '../../use-cases/cases/remind-cases';
import { getBadges } from '../../use-cases/dashboard/get-badges';
import { getDashboard } from '../../use-cases/dashboard/get-dashboard';
import { findCallerHistory } from '../../use-cases/intake/find-caller-history';
import { markNotificationsRead } from '../../use-cases/notifications/mark-notifications-read';
import { routeEndpoint } from '../endpoint-route';

const route = { prefix: '/api', errors: { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody } };

export const consoleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  routeEndpoint(app, CONSOLE_ENDPOINTS.dashboard, route, async (request) =>
    getDashboard(app.ctx, { actor: request.actor, from: request.query.from, to: request.query.to, ...(request.query.unitCode ? { unitCode: request.query.unitCode } : {}) }),
  );
  routeEndpoint(app, CONSOLE_ENDPOINTS.badges, route, async (request) => getBadges(app.ctx, { actor: request.actor }));
  routeEndpoint(app, CONSOLE_ENDPOINTS.callerHistory, route, async (request) =>
    findCallerHistory(app.ctx, { actor: request.actor, phone: request.body.phone, categoryCode: request.body.categoryCode, streetCode: request.body.streetCode }),
  );
  routeEndpoint(app, CONSOLE_ENDPOINTS.remindCases, route, async (request) =>
    remindCases(app.ctx, { actor: request.actor, caseIds: request.body.caseIds, note: request.body.note ?? null }),
  );
  routeEndpoint(app, CONSOLE_ENDPOINTS.linkRepeat, route, async (request) =>
    linkRepeatCall(app.ctx, { actor: request.actor, caseId: request.params.id, earlierCaseId: request.body.earlierCaseId }),
  );
  routeEndpoint(app, CONSOLE_ENDPOINTS.repeats, route, async (request) => {
    await loadCaseInScope(app.ctx, request.actor, request.params.id);
    return repeatLinks(app.ctx, request.params.id);
  });
  routeEndpoint(app, CONSOLE_ENDPOINTS.markNotificationsRead, route, async (request) => markNotificationsRead(app.ctx, { actor: request.actor, upToId: request.body.upToId }));
};
