import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { loadDemoData, openKexie } from './bootstrap.ts';
import { ensureAdminBuild } from './platform/admin-build.ts';
import type { Config } from './platform/config.ts';
import { describeTarget } from './platform/db/connection.ts';
import { countUsers, demoAdminUsable, pruneAuthState } from './modules/auth/index.ts';
import { startScheduledPublishing } from './modules/content/index.ts';

export interface ServeOptions {
  /** Load the demo data set when the database has no users yet (what `npm start` does). */
  demo: boolean;
}

/** Starts kexie: migrate, seed, optionally load the demo, listen, and stop cleanly on SIGINT/SIGTERM. */
export async function serve(config: Config, options: ServeOptions): Promise<FastifyInstance> {
  await ensureAdminBuild();
  const { db } = await openKexie(config);
  const freshDemo = options.demo && (await countUsers(db)) === 0;
  if (freshDemo) await loadDemoData(db, config);

  const app = await buildApp({ config, db });
  const housekeeping = setInterval(() => {
    pruneAuthState(db, config).catch((err) => app.log.warn({ err }, 'pruning sessions failed'));
  }, 3600_000);
  housekeeping.unref();
  const stopPublishing = startScheduledPublishing(db, config.publishPollSeconds, app.log);
  app.addHook('onClose', async () => {
    clearInterval(housekeeping);
    await stopPublishing();
    await db.destroy();
  });

  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
  const lines = [`kexie is running at http://${shownHost}:${port}`, `  database: ${describeTarget(config)}`, `  admin console: http://${shownHost}:${port}/admin/`, `  API docs: http://${shownHost}:${port}/api/docs`];
  if (options.demo && (await demoAdminUsable(db, config.demoAdminPassword))) {
    lines.push(`  demo login: admin / ${config.demoAdminPassword}   (方城县 reporter: fangcheng / ${config.demoAdminPassword})`);
    lines.push(`  website editor: editor / ${config.demoAdminPassword}   reviewers (初审, 复审, 终审): reviewer1, reviewer2, reviewer3 / ${config.demoAdminPassword}`);
  }
  console.log(lines.join('\n'));

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info({ signal }, 'shutting down');
      app.close().then(() => process.exit(0), () => process.exit(1));
    });
  }
  return app;
}
