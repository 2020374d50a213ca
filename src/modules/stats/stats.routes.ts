import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../platform/http/schema.ts';
import { contextOf } from '../auth/index.ts';
import { Breakdown, BreakdownQuery, IndicatorList, Values, ValuesQuery } from './stats.schemas.ts';
import { indicatorBreakdown, indicatorCatalogue, indicatorValues } from './stats.service.ts';

const tags = ['stats'];

/** /api/v1/stats: the declared indicators, their values for a year, one indicator broken down by a dimension. */
export const statsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/stats/indicators', {
    schema: { tags, summary: 'Every declared indicator', response: { 200: IndicatorList, ...errorResponses(401, 403) } },
    handler: (request) => indicatorCatalogue(contextOf(request)),
  });
  app.get('/stats/values', {
    schema: { tags, summary: 'Indicator values for a year and an org subtree, with the previous year', querystring: ValuesQuery, response: { 200: Values, ...errorResponses(400, 401, 403, 404) } },
    handler: (request) => indicatorValues(contextOf(request), request.query),
  });
  app.get('/stats/breakdown', {
    schema: { tags, summary: 'One indicator by county, month, type …', querystring: BreakdownQuery, response: { 200: Breakdown, ...errorResponses(400, 401, 403, 404) } },
    handler: (request) => indicatorBreakdown(contextOf(request), request.query),
  });
};
