import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CalendarYearsResponse, DeadlineQuery, DeadlineResponse, ErrorBody, PutHolidayScheduleBody } from '@jiesu/contracts';
import { Type } from 'typebox';
import { computeDeadline, listCalendarYears, putHolidaySchedule } from '../../use-cases/calendar/holiday-calendar';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 422: ErrorBody };

export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/years',
    { schema: { tags: ['calendar'], summary: 'Years with a holiday schedule, and where each comes from', response: { 200: CalendarYearsResponse, ...errors } } },
    async () => listCalendarYears(app.ctx),
  );

  app.put(
    '/years/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: "Load or replace a year's holiday schedule (administrators)",
        params: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
        body: PutHolidayScheduleBody,
        response: { 200: Type.Object({ year: Type.Integer(), holidays: Type.Array(Type.String()), workdays: Type.Array(Type.String()), source: Type.String() }), ...errors },
      },
    },
    async (request) => putHolidaySchedule(app.ctx, { actor: request.actor, year: request.params.year, ...request.body }),
  );

  app.get(
    '/deadline',
    { schema: { tags: ['calendar'], summary: 'When a clock started at `start` runs out', querystring: DeadlineQuery, response: { 200: DeadlineResponse, ...errors } } },
    async (request) => {
      const q = request.query;
      const r = await computeDeadline(app.ctx, { start: new Date(q.start), duration: { amount: q.amount, unit: q.unit } });
      return { ...r, start: r.start.toISOString(), deadline: r.deadline.toISOString() };
    },
  );
};
