import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { Type } from 'typebox';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        security: [],
        response: { 200: Type.Object({ status: Type.String(), database: Type.String(), time: Type.String() }) },
      },
    },
    async () => {
      const row = await sql<{ now: Date }>`select now() as now`.execute(app.ctx.db);
      return { status: 'ok', database: app.ctx.config.databaseUrl ? 'postgres' : 'pglite', time: new Date(row.rows[0]?.now ?? Date.now()).toISOString() };
    },
  );
};
