import fp from 'fastify-plugin';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Actor } from '../auth-core.ts';
import { nowIso } from '../clock.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { IdParams, errorResponses } from '../http/schema.ts';
import { newId } from '../ids.ts';
import { describe } from '../excel/excel.messages.ts';
import { reportedErrorLimit, type ImportOutcome, type ImportProgress } from './import-pipeline.ts';
import { ImportJob } from './import.schemas.ts';
import './import.messages.ts';

declare module 'fastify' {
  interface FastifyInstance {
    importJobs: ImportJobs;
  }
}

interface JobRecord {
  view: ImportJob;
  owner: string;
  done: Promise<void>;
}

/** Finished jobs are kept this long for the dialog to read the result, and no more than `keptJobs` of them. */
const keepFinishedMs = 60 * 60 * 1000;
const keptJobs = 200;

/** Who may read a job: the user who started it (or, for the CLI, the command). */
const ownerOf = (actor: Actor) => actor.userId ?? `system:${actor.username}`;

/**
 * Imports that outlive their request, held in this process's memory: the
 * confirm call answers at once with a job id, and the dialog polls the job
 * for its progress and result.
 *
 * Limits, by design: a job is visible only to the process that runs it, so
 * behind several processes the poll must reach the same one (sticky sessions)
 * or it answers 404; a restart forgets its jobs (the import's transaction
 * rolls back with the process, so nothing is half-imported). On SQLite the
 * writing phase holds the database's one connection, so polls wait for it
 * and the bar moves from "checked" straight to the result; on PostgreSQL it
 * moves row by row.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, JobRecord>();

  constructor(private readonly log: FastifyBaseLogger) {}

  /** Starts `work` in the background; one running import per user, so a double click does not import twice. */
  start(ctx: ServiceContext, kind: string, total: number, work: (progress: (update: ImportProgress) => void) => Promise<ImportOutcome>): ImportJob {
    this.forgetOld();
    const owner = ownerOf(ctx.actor);
    if ([...this.jobs.values()].some((job) => job.owner === owner && job.view.status === 'running')) {
      throw new AppError('IMPORT_ALREADY_RUNNING', 409);
    }
    const view: ImportJob = {
      id: newId(),
      kind,
      status: 'running',
      phase: 'checking',
      total,
      processed: 0,
      imported: 0,
      skipped: 0,
      errorCount: 0,
      errors: [],
      failure: null,
      startedAt: nowIso(),
      finishedAt: null,
    };
    const done = work((update) => Object.assign(view, update)).then(
      (outcome) =>
        Object.assign(view, {
          status: outcome.failure ? 'failed' : 'succeeded',
          phase: 'done',
          imported: outcome.imported,
          skipped: outcome.skipped,
          errorCount: outcome.errors.length,
          errors: outcome.errors.slice(0, reportedErrorLimit),
          failure: outcome.failure,
          finishedAt: nowIso(),
        } satisfies Partial<ImportJob>),
      (error: unknown) => {
        const requestId = ctx.requestId ?? view.id;
        this.log.error({ err: error, importJob: view.id, reqId: ctx.requestId }, 'import failed');
        Object.assign(view, {
          status: 'failed',
          phase: 'done',
          imported: 0,
          skipped: total,
          failure: { code: 'IMPORT_INTERRUPTED', message: describe(ctx.locale, 'IMPORT_INTERRUPTED', { requestId }) },
          finishedAt: nowIso(),
        } satisfies Partial<ImportJob>);
      },
    );
    this.jobs.set(view.id, { view, owner, done: done.then(() => undefined) });
    return { ...view };
  }

  /** The job as it stands, to its owner only; anyone else gets the same 404 as for a job that never was. */
  get(id: string, actor: Actor): ImportJob {
    const job = this.jobs.get(id);
    if (!job || job.owner !== ownerOf(actor)) throw new AppError('IMPORT_JOB_NOT_FOUND', 404);
    return { ...job.view };
  }

  /** Waits for running imports, so closing the server does not cut a transaction short. */
  async settle(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((job) => job.done));
  }

  private forgetOld(): void {
    const cutoff = new Date(Date.now() - keepFinishedMs).toISOString();
    const finished = [...this.jobs.values()].filter((job) => job.view.finishedAt !== null);
    finished.forEach((job, i) => {
      if (job.view.finishedAt! < cutoff || finished.length - i > keptJobs) this.jobs.delete(job.view.id);
    });
  }
}

const importJobRoutes: FastifyPluginAsyncTypebox<{ actorOf: (request: FastifyRequest) => Actor }> = async (app, { actorOf }) => {
  app.get('/api/v1/imports/:id', {
    schema: {
      tags: ['imports'],
      summary: 'Progress and result of an Excel import started by the caller',
      params: IdParams,
      response: { 200: ImportJob, ...errorResponses(401, 404) },
    },
    handler: (request) => request.server.importJobs.get(request.params.id, actorOf(request)),
  });
};

/**
 * The import job registry for this server (`app.importJobs`) and the route
 * that reports a job's progress. `actorOf` comes from the auth module, which
 * the platform does not import.
 */
export default fp<{ actorOf: (request: FastifyRequest) => Actor }>(async (app, options) => {
  app.decorate('importJobs', new ImportJobs(app.log));
  app.addHook('onClose', () => app.importJobs.settle());
  await app.register(importJobRoutes, options);
});
