import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { fileDate, sendWorkbook } from '../../platform/excel/download.ts';
import { StrictObject, errorResponses } from '../../platform/http/schema.ts';
import { addImportRoutes } from '../../platform/imports/import.routes.ts';
import { contextOf } from '../auth/index.ts';
import { activityExportFileName, activityImporter, exportActivities } from './activity.excel.ts';
import { ActivityListQuery } from './activity.schemas.ts';

const tags = ['activities'];

/** The list's filters, without paging: an export holds the whole filtered list. */
const { page: _page, pageSize: _pageSize, ...listFilters } = ActivityListQuery.properties;
const ActivityExportQuery = StrictObject(listFilters);

/** /api/v1/activities/excel — the import template, the import, and the export of a filtered list. */
export const activityExcelRoutes: FastifyPluginAsyncTypebox = async (app) => {
  addImportRoutes(app, { importer: activityImporter, contextOf, tags });

  app.get('/export', {
    schema: {
      tags,
      summary: 'Activities of a filtered list (same filters as GET /activities) as an Excel file in the import format',
      querystring: ActivityExportQuery,
      response: { ...errorResponses(400, 401, 403) },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const { bytes } = await exportActivities(ctx, request.query);
      return sendWorkbook(reply, bytes, `${activityExportFileName(ctx.locale)}-${fileDate()}`, 'activities');
    },
  });
};
