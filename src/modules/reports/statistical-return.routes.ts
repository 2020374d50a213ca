import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sendWorkbook } from '../../platform/excel/download.ts';
import { Id, StrictObject, errorResponses } from '../../platform/http/schema.ts';
import { contextOf } from '../auth/index.ts';
import { exportStatisticalReturn } from './statistical-return.service.ts';

const StatisticalReturnQuery = StrictObject({
  year: Type.Optional(Type.Integer({ minimum: 1949, maximum: 2100, description: 'Calendar year; the current year when omitted' })),
  orgId: Type.Optional({ ...Id, description: 'Org whose subtree the return covers; the signed-in user’s org when omitted' }),
});

/** /api/v1/reports/statistical-return.xlsx — the 科协统计年报 of an org's subtree for a year. */
export const statisticalReturnRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/reports/statistical-return.xlsx', {
    schema: {
      tags: ['reports'],
      summary: 'The statistical return (科协统计年报) for a year and an org subtree as an Excel file; rows without a data source say so',
      querystring: StatisticalReturnQuery,
      response: { ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      const { bytes, fileName, statisticalReturn } = await exportStatisticalReturn(contextOf(request), request.query);
      return sendWorkbook(reply, bytes, fileName, `statistical-return-${statisticalReturn.year}`);
    },
  });
};
