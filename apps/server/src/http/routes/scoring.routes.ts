import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CommunityConfigBody,
  CommunityItemScoresBody,
  CommunityRankingSchema,
  ErrorBody,
  PeriodKey,
  PublicationMetaSchema,
  PublishBody,
  QuarterKey,
  SCORING_ENDPOINTS,
  ScoreSheetQuery,
  ScoringPolicyPatch,
  ScoringSettingsSchema,
  UnitCodeParam,
  UnitScoreSchema,
  WeightsBody,
} from '@jiesu/contracts';
import { Type } from 'typebox';
import { exportScoreSheet, scoreSheetCsv, scoreSheetHtml, scoreSheetWorkbook } from '../../use-cases/scoring/export-score-sheet';
import { getRankings } from '../../use-cases/scoring/get-rankings';
import { getScoringSettings } from '../../use-cases/scoring/get-scoring-settings';
import { getUnitScore } from '../../use-cases/scoring/get-unit-score';
import { listPublications } from '../../use-cases/scoring/list-publications';
import { publishRankings } from '../../use-cases/scoring/publish-rankings';
import { rankStreetCommunities } from '../../use-cases/scoring/rank-street-communities';
import { setCommunityItemScores } from '../../use-cases/scoring/set-community-item-scores';
import { getCommunityRankingConfig, setCommunityRankingConfig } from '../../use-cases/scoring/set-community-ranking-config';
import { getPopulations, loadPopulationTable, populationTemplate } from '../../use-cases/scoring/populations';
import { updateGovernanceRule, updateRankingClasses } from '../../use-cases/scoring/update-ranking-classes';
import { updateScoringPolicy } from '../../use-cases/scoring/update-scoring-policy';
import { routeEndpoint } from '../endpoint-route';
import { updateScoringWeights } from '../../use-cases/scoring/update-scoring-weights';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const PeriodParams = Type.Object({ period: PeriodKey });
const StreetParams = Type.Object({ street: Type.String({ pattern: '^\\d{9}$' }) });
const tags = ['scoring'];

export const scoringRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const route = { prefix: '/api/scoring', errors };
  routeEndpoint(app, SCORING_ENDPOINTS.settings, route, async (request) => getScoringSettings(app.ctx, { actor: request.actor }));
  routeEndpoint(app, SCORING_ENDPOINTS.putRankingClasses, route, async (request) => updateRankingClasses(app.ctx, { actor: request.actor, classes: request.body.classes }));
  routeEndpoint(app, SCORING_ENDPOINTS.putGovernance, route, async (request) => updateGovernanceRule(app.ctx, { actor: request.actor, governance: request.body }));
  routeEndpoint(app, SCORING_ENDPOINTS.populations, route, async (request) => getPopulations(app.ctx, { actor: request.actor }));
  routeEndpoint(app, SCORING_ENDPOINTS.populationTemplate, route, async (request) => populationTemplate(app.ctx, { actor: request.actor }));
  routeEndpoint(app, SCORING_ENDPOINTS.putPopulations, route, async (request) => loadPopulationTable(app.ctx, { actor: request.actor, ...request.body }));
  app.put(
    '/settings/weights',
    { schema: { tags, summary: 'Replace the weight versions (administrators)', body: WeightsBody, response: { 200: ScoringSettingsSchema, ...errors } } },
    async (request) => updateScoringWeights(app.ctx, { actor: request.actor, versions: request.body.versions }),
  );
  app.patch(
    '/settings/policy',
    {
      schema: {
        tags,
        summary: 'Change the period start day, visit attempts, list size or minimum sample (administrators)',
        body: ScoringPolicyPatch,
        response: { 200: ScoringSettingsSchema, ...errors },
      },
    },
    async (request) => updateScoringPolicy(app.ctx, { actor: request.actor, patch: request.body }),
  );

  routeEndpoint(app, SCORING_ENDPOINTS.rankings, route, async (request) => {
    const { class: classKey, district, source, version } = request.query;
    return getRankings(app.ctx, {
      actor: request.actor,
      periodKey: request.params.period,
      ...(classKey ? { classKey } : {}),
      ...(district ? { districtCode: district } : {}),
      ...(source ? { source } : {}),
      ...(version ? { version } : {}),
    });
  });
  app.get(
    '/periods/:period/units/:code',
    {
      schema: {
        tags,
        summary: "One unit's score and the cases that cost it points",
        params: Type.Object({ period: PeriodKey, code: UnitCodeParam }),
        response: { 200: UnitScoreSchema, ...errors },
      },
    },
    async (request) => getUnitScore(app.ctx, { actor: request.actor, periodKey: request.params.period, unitCode: request.params.code }),
  );
  app.post(
    '/periods/:period/publications',
    {
      schema: {
        tags,
        summary: 'Publish the period (immutable snapshot); again, with a reason, for a new version',
        params: PeriodParams,
        body: PublishBody,
        response: { 201: PublicationMetaSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await publishRankings(app.ctx, { actor: request.actor, periodKey: request.params.period, reason: request.body.reason ?? null })),
  );
  app.get(
    '/periods/:period/publications',
    { schema: { tags, summary: 'Published versions of the period', params: PeriodParams, response: { 200: Type.Array(PublicationMetaSchema), ...errors } } },
    async (request) => listPublications(app.ctx, { actor: request.actor, periodKey: request.params.period }),
  );
  app.get(
    '/periods/:period/score-sheet',
    { schema: { tags, summary: '成绩单 as JSON, CSV or Excel (format=json|csv|xlsx)', params: PeriodParams, querystring: ScoreSheetQuery } },
    async (request, reply) => {
      const { format, class: classKey, district, ...rest } = request.query;
      const sheet = await exportScoreSheet(app.ctx, {
        actor: request.actor,
        periodKey: request.params.period,
        ...rest,
        ...(classKey ? { classKey } : {}),
        ...(district ? { districtCode: district } : {}),
      });
      const name = `score-sheet-${sheet.periodKey}${sheet.version !== null ? `-v${sheet.version}` : '-live'}`;
      if (format === 'csv') {
        return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(scoreSheetCsv(sheet));
      }
      if (format === 'xlsx') {
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(await scoreSheetWorkbook(sheet));
      }
      if (format === 'html') return reply.header('content-type', 'text/html; charset=utf-8').send(scoreSheetHtml(sheet));
      return sheet;
    },
  );

  app.get(
    '/communities/:street/config',
    { schema: { tags, summary: "A street's community-ranking items and weights", params: StreetParams, response: { 200: CommunityConfigBody, ...errors } } },
    async (request) => getCommunityRankingConfig(app.ctx, { actor: request.actor, streetCode: request.params.street }),
  );
  app.put(
    '/communities/:street/config',
    {
      schema: {
        tags,
        summary: "Set the street's community-ranking items and weights (street leaders)",
        params: StreetParams,
        body: CommunityConfigBody,
        response: { 200: CommunityConfigBody, ...errors },
      },
    },
    async (request) => setCommunityRankingConfig(app.ctx, { actor: request.actor, streetCode: request.params.street, config: request.body }),
  );
  app.get(
    '/communities/:street/quarters/:quarter',
    {
      schema: {
        tags,
        summary: "The street's quarterly community ranking",
        params: Type.Object({ street: StreetParams.properties.street, quarter: QuarterKey }),
        response: { 200: CommunityRankingSchema, ...errors },
      },
    },
    async (request) => rankStreetCommunities(app.ctx, { actor: request.actor, streetCode: request.params.street, quarterKey: request.params.quarter }),
  );
  app.put(
    '/communities/:street/quarters/:quarter/items',
    {
      schema: {
        tags,
        summary: "Enter the quarter's item scores for the street's communities (street leaders)",
        params: Type.Object({ street: StreetParams.properties.street, quarter: QuarterKey }),
        body: CommunityItemScoresBody,
        response: { 200: CommunityRankingSchema, ...errors },
      },
    },
    async (request) =>
      setCommunityItemScores(app.ctx, { actor: request.actor, streetCode: request.params.street, quarterKey: request.params.quarter, scores: request.body.scores }),
  );
};
