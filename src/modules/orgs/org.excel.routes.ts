import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { fileDate, sendWorkbook } from '../../platform/excel/download.ts';
import { StrictObject, errorResponses } from '../../platform/http/schema.ts';
import { addImportRoutes } from '../../platform/imports/import.routes.ts';
import { contextOf } from '../auth/index.ts';
import { exportOrgs, orgExportFileName, orgImporter } from './org.excel.ts';
import { OrgListQuery } from './org.schemas.ts';

const tags = ['orgs'];

/** The list's filters and order, without paging: an export holds the whole filtered list. */
const { page: _page, pageSize: _pageSize, ...listFilters } = OrgListQuery.properties;
const OrgExportQuery = StrictObject(listFilters);

/** /api/v1/orgs/excel — the import template, the import, and the export of a filtered list. */
export const orgExcelRoutes: FastifyPluginAsyncTypebox = async (app) => {
  addImportRoutes(app, { importer: orgImporter, contextOf, tags });

  app.get('/export', {
    schema: {
      tags,
      summary: 'Organisations of a filtered list (same filters as GET /orgs) as an Excel file in the import format',
      querystring: OrgExportQuery,
      response: { ...errorResponses(400, 401) },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const bytes = await exportOrgs(ctx, request.query);
      return sendWorkbook(reply, bytes, `${orgExportFileName(ctx.locale)}-${fileDate()}`, 'orgs');
    },
  });
};
