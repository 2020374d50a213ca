import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { errorResponses } from '../http/schema.ts';
import { translate } from '../i18n/catalogue.ts';
import { sendWorkbook, xlsxContentType } from '../excel/download.ts';
import { writeTemplate } from '../excel/workbook-writer.ts';
import { dryRunImport, readImportFile, runImport, type Importer } from './import-pipeline.ts';
import { ImportJob, ImportQuery, ImportReport } from './import.schemas.ts';

/** An uploaded workbook. The bytes sit in a private field so the generic body checks, which walk a body's keys, see an empty object. */
export class UploadedWorkbook {
  readonly #bytes: Buffer;
  constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }
  get bytes(): Buffer {
    return this.#bytes;
  }
}

/** Upload size limit for a workbook, apart from the JSON body limit. */
export const maxWorkbookBytes = 10 * 1024 * 1024;

type App = FastifyInstance<any, any, any, any, TypeBoxTypeProvider>;

export interface ImportRouteOptions<Row, Plan> {
  importer: Importer<Row, Plan>;
  /** The auth module's `contextOf`: the signed-in actor, or AUTH_REQUIRED. */
  contextOf: (request: FastifyRequest) => ServiceContext;
  tags: string[];
}

/**
 * Adds a module's import routes to its plugin: GET /template (the blank
 * workbook) and POST /import (the .xlsx as the request body, content type
 * application/vnd.openxmlformats-officedocument.spreadsheetml.sheet). With
 * ?dryRun=true the answer is the report and nothing is written; otherwise it
 * is 202 with the job to poll at /api/v1/imports/:id.
 */
export function addImportRoutes<Row, Plan>(app: App, { importer, contextOf, tags }: ImportRouteOptions<Row, Plan>): void {
  app.addContentTypeParser(xlsxContentType, { parseAs: 'buffer', bodyLimit: maxWorkbookBytes }, (_request, body, done) => {
    done(null, new UploadedWorkbook(body as Buffer));
  });

  app.get('/template', {
    schema: { tags, summary: `Blank Excel template for importing ${importer.kind}, with instructions`, response: { ...errorResponses(401) } },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const bytes = await writeTemplate(importer.sheet, { locale: ctx.locale, maxRows: importer.maxRows });
      return sendWorkbook(reply, bytes, translate(ctx.locale, importer.templateFileName), `${importer.kind}-template`);
    },
  });

  app.post('/import', {
    schema: {
      tags,
      summary: `Import ${importer.kind} from an Excel file: dry run, or start the import`,
      description: `Send the .xlsx file itself as the body with content type ${xlsxContentType}. Every row is checked first; problems are listed by row, column and reason.`,
      querystring: ImportQuery,
      response: { 200: ImportReport, 202: ImportJob, ...errorResponses(400, 401, 403, 409, 413, 415) },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      importer.authorize(ctx);
      if (!(request.body instanceof UploadedWorkbook)) throw new AppError('EXCEL_FILE_REQUIRED', 400);
      const rows = await readImportFile(importer, request.body.bytes, ctx.locale);
      if (request.query.dryRun) return dryRunImport(ctx, importer, rows);
      const skipInvalid = request.query.skipInvalid === true;
      const job = request.server.importJobs.start(ctx, importer.kind, rows.length, (onProgress) =>
        runImport(ctx, importer, rows, { skipInvalid, onProgress }),
      );
      return reply.status(202).send(job);
    },
  });
}
