import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { siteId, type SiteSettingsRow, type SiteSettingsRowUpdate } from './site.table.ts';

type Executor = Kysely<Database>;

export async function findSiteSettings(db: Executor): Promise<SiteSettingsRow | undefined> {
  return db.selectFrom('site_settings').selectAll().where('id', '=', siteId).executeTakeFirst();
}

/** Only the version stamp, for processes polling whether another one changed the settings. */
export async function findSiteSettingsUpdatedAt(db: Executor): Promise<string | undefined> {
  const row = await db.selectFrom('site_settings').select('updated_at').where('id', '=', siteId).executeTakeFirst();
  return row?.updated_at;
}

export async function insertSiteSettings(trx: Executor, row: SiteSettingsRow): Promise<void> {
  await trx.insertInto('site_settings').values(row).execute();
}

export async function updateSiteSettingsRow(trx: Executor, patch: SiteSettingsRowUpdate): Promise<void> {
  await trx.updateTable('site_settings').set(patch).where('id', '=', siteId).execute();
}
