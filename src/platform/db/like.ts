import { sql, type RawBuilder } from 'kysely';

/**
 * The right-hand side of `column LIKE …` matching values that contain `text`
 * literally: `%` and `_` typed by a user are not wildcards. SQLite has no
 * default LIKE escape character, so the ESCAPE clause is spelled out for both.
 */
export function likeContaining(text: string): RawBuilder<string> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<string>`${pattern} escape '\\'`;
}
