// 知识库 over HTTP: search (intake staff), CRUD (administrators).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ArticleSchema, CreateArticleBody, ErrorBody, KnowledgeHit, KnowledgeSearchQuery, Page, PageQuery, UpdateArticleBody } from '@jiesu/contracts';
import { Type } from 'typebox';
import { createArticle, deleteArticle, getArticle, listArticles, updateArticle } from '../../use-cases/knowledge/knowledge-articles';
import { searchKnowledge } from '../../use-cases/knowledge/search-knowledge';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody };
const tags = ['knowledge'];
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const knowledgeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/search',
    {
      schema: {
        tags,
        summary: 'Search articles valid now (Chinese words, BM25-style ranking)',
        querystring: KnowledgeSearchQuery,
        response: { 200: Type.Object({ query: Type.Array(Type.String()), items: Type.Array(KnowledgeHit) }), ...errors },
      },
    },
    async (request) => searchKnowledge(app.ctx, { actor: request.actor, q: request.query.q, ...(request.query.limit !== undefined ? { limit: request.query.limit } : {}) }),
  );
  app.get(
    '/articles',
    { schema: { tags, summary: 'All articles, by title', querystring: Type.Object(PageQuery), response: { 200: Page(ArticleSchema), ...errors } } },
    async (request) => listArticles(app.ctx, { actor: request.actor, limit: request.query.limit ?? 50, offset: request.query.offset ?? 0 }),
  );
  app.get('/articles/:id', { schema: { tags, summary: 'One article', params: Id, response: { 200: ArticleSchema, ...errors } } }, async (request) =>
    getArticle(app.ctx, { actor: request.actor, id: request.params.id }),
  );
  app.post(
    '/articles',
    { schema: { tags, summary: 'Add an article (administrators)', body: CreateArticleBody, response: { 201: ArticleSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await createArticle(app.ctx, { actor: request.actor, article: request.body })),
  );
  app.patch(
    '/articles/:id',
    { schema: { tags, summary: 'Edit an article (administrators)', params: Id, body: UpdateArticleBody, response: { 200: ArticleSchema, ...errors } } },
    async (request) => updateArticle(app.ctx, { actor: request.actor, id: request.params.id, patch: request.body }),
  );
  app.delete(
    '/articles/:id',
    { schema: { tags, summary: 'Delete an article (administrators)', params: Id, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await deleteArticle(app.ctx, { actor: request.actor, id: request.params.id });
      return reply.status(204).send(null);
    },
  );
};
