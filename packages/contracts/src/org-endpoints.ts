// Endpoint descriptions (see endpoint.ts) of the organisation and reference data the
// administrators keep: units, users, community duty lists, the category tree, the holiday
// calendar and the knowledge base. The server registers its routes from them and the console
// calls them with `api.call`, so a changed schema here breaks the console's type-check.
import { Type } from 'typebox';
import { CalendarYearsResponse, DeadlineQuery, DeadlineResponse, PutHolidayScheduleBody } from './calendar';
import { CategorySchema, CategoryTreeResponse, CreateCategoryBody, UpdateCategoryBody } from './categories';
import { Page, PageQuery } from './common';
import { endpoint } from './endpoint';
import { ArticleSchema, CreateArticleBody, KnowledgeHit, KnowledgeSearchQuery, UpdateArticleBody } from './intake';
import {
  CreateUnitBody,
  CreateUserBody,
  LoginBody,
  LoginResponse,
  MeResponse,
  RoleSchema,
  UnitClassSchema,
  UnitDetailSchema,
  UnitSchema,
  UpdateUnitBody,
  UpdateUserBody,
  UserSchema,
} from './org';

const UnitCodeParams = Type.Object({ code: Type.String() });
const UuidParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const CommunityCodeParams = Type.Object({ code: Type.String({ pattern: '^\\d{12}$' }) });
const CategoryCodeParams = Type.Object({ code: Type.String({ pattern: '^[0-9]{2,6}$' }) });

export const UnitListQuery = Type.Object(
  {
    class: Type.Optional(UnitClassSchema),
    parent: Type.Optional(Type.String()),
    q: Type.Optional(Type.String({ maxLength: 50 })),
    includeInactive: Type.Optional(Type.Boolean()),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const UNIT_ENDPOINTS = {
  list: endpoint({
    method: 'GET',
    path: '/api/units',
    summary: 'Units in your subtree, filtered by class, parent or name',
    tags: ['organisation'],
    querystring: UnitListQuery,
    response: Page(UnitSchema),
  }),
  counts: endpoint({
    method: 'GET',
    path: '/api/units/counts',
    summary: 'Active units per class in your subtree',
    tags: ['organisation'],
    response: Type.Record(Type.String(), Type.Integer()),
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/units/:code',
    summary: 'One unit with its parent and children',
    tags: ['organisation'],
    params: UnitCodeParams,
    response: UnitDetailSchema,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/units',
    summary: 'Add a department, enterprise or street section',
    tags: ['organisation'],
    successStatus: 201,
    body: CreateUnitBody,
    response: UnitSchema,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/units/:code',
    summary: 'Rename, move or deactivate a unit',
    tags: ['organisation'],
    params: UnitCodeParams,
    body: UpdateUnitBody,
    response: UnitSchema,
  }),
};

export const USER_ENDPOINTS = {
  list: endpoint({
    method: 'GET',
    path: '/api/users',
    summary: 'Users of units in your subtree',
    tags: ['users'],
    querystring: Type.Object({ unit: Type.Optional(Type.String()), role: Type.Optional(RoleSchema), ...PageQuery }, { additionalProperties: false }),
    response: Page(UserSchema),
  }),
  create: endpoint({ method: 'POST', path: '/api/users', summary: 'Add a user', tags: ['users'], successStatus: 201, body: CreateUserBody, response: UserSchema }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/users/:id',
    summary: "Change a user's name, roles, unit, password or whether they may sign in",
    tags: ['users'],
    params: UuidParams,
    body: UpdateUserBody,
    response: UserSchema,
  }),
};

export const DutyListSchema = Type.Object({ communityCode: Type.String(), categoryPrefixes: Type.Array(Type.String()) });

export const DUTY_LIST_ENDPOINTS = {
  get: endpoint({
    method: 'GET',
    path: '/api/duty-lists/:code',
    summary: "A community's duty list (社区职责清单)",
    tags: ['organisation'],
    params: CommunityCodeParams,
    response: DutyListSchema,
  }),
  put: endpoint({
    method: 'PUT',
    path: '/api/duty-lists/:code',
    summary: 'Set the categories (code prefixes) a community may lead',
    tags: ['organisation'],
    params: CommunityCodeParams,
    body: Type.Object({ categoryPrefixes: Type.Array(Type.String({ pattern: '^\\d{2,6}\\*?$' }), { maxItems: 500 }) }, { additionalProperties: false }),
    response: DutyListSchema,
  }),
};

export const CATEGORY_ENDPOINTS = {
  tree: endpoint({
    method: 'GET',
    path: '/api/categories',
    summary: 'The three-level category tree',
    tags: ['categories'],
    querystring: Type.Object({ includeInactive: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
    response: CategoryTreeResponse,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/categories',
    summary: 'Add a category',
    tags: ['categories'],
    successStatus: 201,
    body: CreateCategoryBody,
    response: CategorySchema,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/categories/:code',
    summary: 'Rename, reorder or deactivate a category',
    tags: ['categories'],
    params: CategoryCodeParams,
    body: UpdateCategoryBody,
    response: CategorySchema,
  }),
  remove: endpoint({
    method: 'DELETE',
    path: '/api/categories/:code',
    summary: 'Delete a category no case uses',
    tags: ['categories'],
    successStatus: 204,
    params: CategoryCodeParams,
    response: Type.Null(),
  }),
};

export const HolidayScheduleSchema = Type.Object({ year: Type.Integer(), holidays: Type.Array(Type.String()), workdays: Type.Array(Type.String()), source: Type.String() });

export const CALENDAR_ENDPOINTS = {
  years: endpoint({
    method: 'GET',
    path: '/api/calendar/years',
    summary: 'Years with a holiday schedule, and where each comes from',
    tags: ['calendar'],
    response: CalendarYearsResponse,
  }),
  putYear: endpoint({
    method: 'PUT',
    path: '/api/calendar/years/:year',
    summary: "Load or replace a year's holiday schedule (administrators)",
    tags: ['calendar'],
    params: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
    body: PutHolidayScheduleBody,
    response: HolidayScheduleSchema,
  }),
  deadline: endpoint({
    method: 'GET',
    path: '/api/calendar/deadline',
    summary: 'When a clock started at `start` runs out',
    tags: ['calendar'],
    querystring: DeadlineQuery,
    response: DeadlineResponse,
  }),
};

export const KNOWLEDGE_ENDPOINTS = {
  search: endpoint({
    method: 'GET',
    path: '/api/knowledge/search',
    summary: 'Search articles valid now (Chinese words, BM25-style ranking)',
    tags: ['knowledge'],
    querystring: KnowledgeSearchQuery,
    response: Type.Object({ query: Type.Array(Type.String()), items: Type.Array(KnowledgeHit) }),
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/knowledge/articles',
    summary: 'All articles, by title',
    tags: ['knowledge'],
    querystring: Type.Object(PageQuery),
    response: Page(ArticleSchema),
  }),
  get: endpoint({ method: 'GET', path: '/api/knowledge/articles/:id', summary: 'One article', tags: ['knowledge'], params: UuidParams, response: ArticleSchema }),
  create: endpoint({
    method: 'POST',
    path: '/api/knowledge/articles',
    summary: 'Add an article (administrators)',
    tags: ['knowledge'],
    successStatus: 201,
    body: CreateArticleBody,
    response: ArticleSchema,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/knowledge/articles/:id',
    summary: 'Edit an article (administrators)',
    tags: ['knowledge'],
    params: UuidParams,
    body: UpdateArticleBody,
    response: ArticleSchema,
  }),
  remove: endpoint({
    method: 'DELETE',
    path: '/api/knowledge/articles/:id',
    summary: 'Delete an article (administrators)',
    tags: ['knowledge'],
    successStatus: 204,
    params: UuidParams,
    response: Type.Null(),
  }),
};

export const AUTH_ENDPOINTS = {
  login: endpoint({
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Log in: a bearer token for the session',
    description: 'Rate-limited per address; five failures in a row lock the account for a while (423 ACCOUNT_LOCKED).',
    tags: ['auth'],
    isPublic: true,
    body: LoginBody,
    response: LoginResponse,
  }),
  logout: endpoint({ method: 'POST', path: '/api/auth/logout', summary: 'End this session (the token stops working)', tags: ['auth'], successStatus: 204, response: Type.Null() }),
  me: endpoint({ method: 'GET', path: '/api/auth/me', summary: 'Who the token belongs to: user, unit, roles', tags: ['auth'], response: MeResponse }),
};
