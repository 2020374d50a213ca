import type { Db } from '../../src/database.ts';
import type { ServiceContext } from '../../src/platform/context.ts';
import {
  approveArticle,
  createArticle,
  createColumn as createColumnThroughService,
  submitArticle,
  type Column,
  type CreateArticleInput,
  type CreateColumnInput,
} from '../../src/modules/content/index.ts';
import { findRootOrg } from '../../src/modules/orgs/index.ts';
import { buildUser, cliContext } from './index.ts';

let sequence = 0;
const next = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`;

/** A column, created through the service as an admin would; slug and name made unique unless given. */
export async function createColumn(db: Db, input: Partial<CreateColumnInput> = {}): Promise<Column> {
  const suffix = next();
  return createColumnThroughService(await cliContext(db), { name: `测试栏目${suffix}`, slug: `col-${suffix}`, ...input });
}

/** Three reviewers per database, one per default level, each acting as a signed-in user would. */
const reviewerPanels = new WeakMap<Db, Promise<ServiceContext[]>>();
function reviewersOf(db: Db): Promise<ServiceContext[]> {
  let panel = reviewerPanels.get(db);
  if (!panel) {
    panel = (async () => {
      const root = (await findRootOrg(db))!;
      const names = ['初审员', '复审员', '终审员'];
      const users = [];
      for (const name of names) users.push(await buildUser(db, { orgId: root.id, roles: ['reviewer'], displayName: name }));
      return users.map((user) => ({ db, locale: 'zh-CN' as const, actor: { kind: 'user' as const, userId: user.id, username: user.username, orgId: root.id, roles: ['reviewer' as const] } }));
    })();
    reviewerPanels.set(db, panel);
  }
  return panel;
}

/** An article written, submitted and approved at every level, so it is on the portal. */
export async function createPublishedArticle(db: Db, input: Partial<CreateArticleInput> & { columnIds: string[] }): Promise<{ id: string }> {
  const editor = await cliContext(db);
  const article = await createArticle(editor, { title: `测试文章${next()}`, bodyHtml: '<p>测试正文，科普活动。</p>', ...input });
  await submitArticle(editor, article.id);
  for (const reviewer of await reviewersOf(db)) await approveArticle(reviewer, article.id);
  return { id: article.id };
}

/** The editable fields of an article as the API returns it, ready to send back in a save. */
export function editableFieldsOf(article: Record<string, unknown>): Record<string, unknown> {
  const fields = ['title', 'subtitle', 'author', 'source', 'columnIds', 'coverMediaId', 'bodyHtml', 'attachmentIds', 'tags', 'isFocus', 'isPinned', 'publishAt'];
  return Object.fromEntries(fields.map((field) => [field, article[field]]));
}
