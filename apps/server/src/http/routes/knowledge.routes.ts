// 知识库 over HTTP: search (intake staff), CRUD (administrators) — registered from KNOWLEDGE_ENDPOINTS.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, KNOWLEDGE_ENDPOINTS } from '@jiesu/contracts';
import { createArticle, deleteArticle, getArticle, listArticles, updateArticle } from '../../use-cases/knowledge/knowledge-articles';
import { searchKnowledge } from '../../use-cases/knowledge/search-knowledge';
import { routeEndpoint } from '../endpoint-route';

const route = { prefix: '/api/knowledge', errors: { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody } };

export const knowledgeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  routeEndpoint(app, KNOWLEDGE_ENDPOINTS.search, route, async (request) =>
    searchKnowledge(app.ctx, { actor: request.actor, q: request.query.q, ...(request.query.limit !== undefined ? { limit: request.query.limit } : {}) }),
  );
  routeEndpoint(app, KNOWLEDGE_ENDPOINTS.list, route, async (request) =>
    listArticles(app.ctx, { actor: request.actor, limit: request.query.limit ?? 50, offset: request.query.offset ?? 0 }),
  );
  routeEndpoint(app, KNOWLEDGE_ENDPOINTS.get, route, async (request) => getArticle(app.ctx, { actor: request.actor, id: request.params.id }));
  routeEndpoint(app, KNOWLEDGE_ENDPOINTS.create, route, async (request) => createArticle(app.ctx, { actor: request.actor, article: request.body }));
  routeEndpoint(app, KNOWLEDGE_ENDPOINTS.update, route, async (request) => updateArticle(app.ctx, { actor: request.actor, id: request.params.id, patch: request.body }));
  routeEndpoint(app, KNOWLEDGE_ENDPOINTS.remove, route, async (request) => {
    await deleteArticle(app.ctx, { actor: request.actor, id: request.params.id });
    return null;
  });
};
