// The holiday calendar: years loaded, load a year, and a deadline computed on it — registered from
// CALENDAR_ENDPOINTS.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CALENDAR_ENDPOINTS, ErrorBody } from '@jiesu/contracts';
import { computeDeadline, listCalendarYears, putHolidaySchedule } from '../../use-cases/calendar/holiday-calendar';
import { routeEndpoint } from '../endpoint-route';

const route = { prefix: '/api/calendar', errors: { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 422: ErrorBody } };

export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  routeEndpoint(app, CALENDAR_ENDPOINTS.years, route, async () => listCalendarYears(app.ctx));
  routeEndpoint(app, CALENDAR_ENDPOINTS.putYear, route, async (request) => putHolidaySchedule(app.ctx, { actor: request.actor, year: request.params.year, ...request.body }));
  routeEndpoint(app, CALENDAR_ENDPOINTS.deadline, route, async (request) => {
    const q = request.query;
    const r = await computeDeadline(app.ctx, { start: new Date(q.start), duration: { amount: q.amount, unit: q.unit } });
    return { ...r, start: r.start.toISOString(), deadline: r.deadline.toISOString() };
  });
};
