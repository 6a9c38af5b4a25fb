import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, PeriodKey, SCORING_ENDPOINTS, ScoreSheetQuery } from '@jiesu/contracts';
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
const tags = ['scoring'];

export const scoringRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const route = { prefix: '/api/scoring', errors };
  routeEndpoint(app, SCORING_ENDPOINTS.settings, route, async (request) => getScoringSettings(app.ctx, { actor: request.actor }));
  routeEndpoint(app, SCORING_ENDPOINTS.putRankingClasses, route, async (request) => updateRankingClasses(app.ctx, { actor: request.actor, classes: request.body.classes }));
  routeEndpoint(app, SCORING_ENDPOINTS.putGovernance, route, async (request) => updateGovernanceRule(app.ctx, { actor: request.actor, governance: request.body }));
  routeEndpoint(app, SCORING_ENDPOINTS.populations, route, async (request) => getPopulations(app.ctx, { actor: request.actor }));
  routeEndpoint(app, SCORING_ENDPOINTS.populationTemplate, route, async (request) => populationTemplate(app.ctx, { actor: request.actor }));
  routeEndpoint(app, SCORING_ENDPOINTS.putPopulations, route, async (request) => loadPopulationTable(app.ctx, { actor: request.actor, ...request.body }));
  routeEndpoint(app, SCORING_ENDPOINTS.putWeights, route, async (request) => updateScoringWeights(app.ctx, { actor: request.actor, versions: request.body.versions }));
  routeEndpoint(app, SCORING_ENDPOINTS.patchPolicy, route, async (request) => updateScoringPolicy(app.ctx, { actor: request.actor, patch: request.body }));

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
  routeEndpoint(app, SCORING_ENDPOINTS.unitScore, route, async (request) =>
    getUnitScore(app.ctx, { actor: request.actor, periodKey: request.params.period, unitCode: request.params.code }),
  );
  routeEndpoint(app, SCORING_ENDPOINTS.publish, route, async (request) =>
    publishRankings(app.ctx, { actor: request.actor, periodKey: request.params.period, reason: request.body.reason ?? null }),
  );
  routeEndpoint(app, SCORING_ENDPOINTS.publications, route, async (request) => listPublications(app.ctx, { actor: request.actor, periodKey: request.params.period }));
  // The score sheet stays a plain route: besides JSON it answers a CSV, an Excel workbook or a
  // printable HTML page (format=csv|xlsx|html) with a download file name — not one JSON response
  // schema. The console links to it as a download; nothing types its body.
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

  routeEndpoint(app, SCORING_ENDPOINTS.communityConfig, route, async (request) => getCommunityRankingConfig(app.ctx, { actor: request.actor, streetCode: request.params.street }));
  routeEndpoint(app, SCORING_ENDPOINTS.putCommunityConfig, route, async (request) =>
    setCommunityRankingConfig(app.ctx, { actor: request.actor, streetCode: request.params.street, config: request.body }),
  );
  routeEndpoint(app, SCORING_ENDPOINTS.communityRanking, route, async (request) =>
    rankStreetCommunities(app.ctx, { actor: request.actor, streetCode: request.params.street, quarterKey: request.params.quarter }),
  );
  routeEndpoint(app, SCORING_ENDPOINTS.putCommunityItemScores, route, async (request) =>
    setCommunityItemScores(app.ctx, { actor: request.actor, streetCode: request.params.street, quarterKey: request.params.quarter, scores: request.body.scores }),
  );
};
