import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDueArticles } from '../../src/modules/content/index.ts';
import { searchDocuments } from '../../src/modules/search/index.ts';
import { createColumn, editableFieldsOf as pick } from '../factories/content.ts';
import { startTestKexie, type TestClient, type TestKexie } from '../helpers/test-app.ts';

type Client = TestClient & { userId: string };

describe('articles through the three-level review', () => {
  let kexie: TestKexie;
  let editor: Client;
  let reviewers: Client[];
  let columnId: string;

  beforeAll(async () => {
    kexie = await startTestKexie();
    editor = await kexie.signIn(kexie.root.id, ['editor'], { displayName: '王编辑' });
    reviewers = [];
    for (const name of ['李初审', '张复审', '赵终审']) reviewers.push(await kexie.signIn(kexie.root.id, ['reviewer'], { displayName: name }));
    columnId = (await createColumn(kexie.db, { name: '科普之家', slug: 'kepu-workflow' })).id;
  });
  afterAll(() => kexie.close());

  const draft = async (fields: Record<string, unknown> = {}) => {
    const response = await editor.post('/api/v1/articles', { title: '南阳市科技馆开展科普活动', columnIds: [columnId], bodyHtml: '<h2>活动概况</h2><p>市科技馆举办科普讲座。</p>', ...fields });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string; revision: number; status: string };
  };
  const live = (id: string) => kexie.app.inject({ method: 'GET', url: `/api/v1/articles/${id}` });

  it('publishes only after 初审, 复审 and 终审 each approve, and credits each reviewer by level', async () => {
    const article = await draft();
    expect((await editor.post(`/api/v1/articles/${article.id}/submit`)).json()).toMatchObject({ status: 'in_review', reviewLevel: 1, reviewLevelName: '初审' });

    const first = await reviewers[0]!.post(`/api/v1/articles/${article.id}/approve`, { level: 1 });
    expect(first.json()).toMatchObject({ status: 'in_review', reviewLevel: 2, reviewLevelName: '复审' });
    expect((await searchDocuments(kexie.db, { q: '科普', kind: 'article', page: 1, pageSize: 10 })).items.map((h) => h.id)).not.toContain(article.id);

    await reviewers[1]!.post(`/api/v1/articles/${article.id}/approve`, { level: 2 });
    const last = await reviewers[2]!.post(`/api/v1/articles/${article.id}/approve`, { level: 3 });
    expect(last.json()).toMatchObject({ status: 'published', reviewLevel: null, live: { revision: 1 } });

    const { findPublishedArticle } = await import('../../src/modules/content/index.ts');
    const published = await findPublishedArticle(kexie.db, article.id);
    expect(published).toMatchObject({ title: '南阳市科技馆开展科普活动', author: '王编辑', columnIds: [columnId] });
    expect(published!.reviewers).toEqual([
      { level: 1, levelName: '初审', reviewerName: '李初审' },
      { level: 2, levelName: '复审', reviewerName: '张复审' },
      { level: 3, levelName: '终审', reviewerName: '赵终审' },
    ]);
    const hits = await searchDocuments(kexie.db, { q: '科普讲座', kind: 'article', page: 1, pageSize: 10 });
    expect(hits.items.map((h) => h.id)).toContain(article.id);
    expect((await live(article.id)).statusCode).toBe(401);
  });

  it('returns an article with the reviewer’s reason; the fixed draft starts the review again from 初审', async () => {
    const article = await draft({ title: '待退回的文章' });
    await editor.post(`/api/v1/articles/${article.id}/submit`);
    await reviewers[0]!.post(`/api/v1/articles/${article.id}/approve`);
    const returned = await reviewers[1]!.post(`/api/v1/articles/${article.id}/return`, { reason: '标题与正文不符，请修改' });
    expect(returned.json()).toMatchObject({ status: 'draft', lastReturn: { levelName: '复审', reviewerName: '张复审', reason: '标题与正文不符，请修改', decision: 'return' } });

    const fixed = await editor.put(`/api/v1/articles/${article.id}`, {
      ...pick(returned.json()),
      title: '已修改的文章',
      baseRevision: 1,
    });
    // The reason stays in sight while the editor works on the fix, and goes once it is resubmitted.
    expect(fixed.json()).toMatchObject({ status: 'draft', revision: 2, lastReturn: { reason: '标题与正文不符，请修改' } });
    expect((await editor.post(`/api/v1/articles/${article.id}/submit`)).json()).toMatchObject({ reviewLevel: 1, lastReturn: null });
    // The earlier round's 初审 approval does not count: the same reviewer decides the new round's 初审.
    expect((await reviewers[0]!.post(`/api/v1/articles/${article.id}/approve`)).json()).toMatchObject({ reviewLevel: 2 });

    const trail = (await editor.get(`/api/v1/articles/${article.id}/reviews`)).json().items;
    expect(trail.map((r: { decision: string; levelName: string; revisionNumber: number }) => [r.decision, r.levelName, r.revisionNumber])).toEqual([
      ['approve', '初审', 2],
      ['return', '复审', 1],
      ['approve', '初审', 1],
    ]);
  });

  it('refuses a reviewer who wrote the article, one deciding a second level, a stale level, and a return without a reason', async () => {
    const writerReviewer = await kexie.signIn(kexie.root.id, ['editor', 'reviewer']);
    const own = (await writerReviewer.post('/api/v1/articles', { title: '自己写的', columnIds: [columnId], bodyHtml: '<p>正文</p>' })).json();
    await writerReviewer.post(`/api/v1/articles/${own.id}/submit`);
    const self = await writerReviewer.post(`/api/v1/articles/${own.id}/approve`);
    expect(self.statusCode).toBe(403);
    expect(self.json().error).toMatchObject({ code: 'ARTICLE_REVIEW_OWN', message: '不能审核自己撰写的文章' });

    const article = await draft({ title: '两级同人' });
    await editor.post(`/api/v1/articles/${article.id}/submit`);
    await reviewers[0]!.post(`/api/v1/articles/${article.id}/approve`);
    const twice = await reviewers[0]!.post(`/api/v1/articles/${article.id}/approve`);
    expect(twice.statusCode).toBe(403);
    expect(twice.json().error.code).toBe('ARTICLE_REVIEW_TWICE');
    const stale = await reviewers[1]!.post(`/api/v1/articles/${article.id}/approve`, { level: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'ARTICLE_REVIEW_LEVEL_MOVED', message: '这篇文章已进入复审，请刷新后再审' });
    const noReason = await reviewers[1]!.post(`/api/v1/articles/${article.id}/return`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].path).toBe('body.reason');
    expect((await editor.post(`/api/v1/articles/${article.id}/approve`)).statusCode).toBe(403);
    expect((await editor.get(`/api/v1/articles/${article.id}`)).json()).toMatchObject({ status: 'in_review', reviewLevel: 2 });
  });

  it('locks an article in review against edits until it is recalled', async () => {
    const article = await draft({ title: '审核中锁定' });
    await editor.post(`/api/v1/articles/${article.id}/submit`);
    const current = (await editor.get(`/api/v1/articles/${article.id}`)).json();
    const edit = await editor.put(`/api/v1/articles/${article.id}`, { ...pick(current), title: '改', baseRevision: 1 });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('ARTICLE_LOCKED_IN_REVIEW');
    expect((await editor.post(`/api/v1/articles/${article.id}/recall`)).json()).toMatchObject({ status: 'draft', reviewLevel: null });
    expect((await editor.put(`/api/v1/articles/${article.id}`, { ...pick(current), title: '改', baseRevision: 1 })).statusCode).toBe(200);
  });

  it('keeps the published version online while its next version is edited and reviewed, then withdraws it', async () => {
    const article = await publish(await draft({ title: '第一版标题' }));
    const current = (await editor.get(`/api/v1/articles/${article.id}`)).json();
    const edited = (await editor.put(`/api/v1/articles/${article.id}`, { ...pick(current), title: '第二版标题', baseRevision: current.revision })).json();
    expect(edited).toMatchObject({ status: 'draft', revision: 2, live: { revision: 1 } });
    const { findPublishedArticle } = await import('../../src/modules/content/index.ts');
    expect((await findPublishedArticle(kexie.db, article.id))!.title).toBe('第一版标题');
    await publish(article);
    expect((await findPublishedArticle(kexie.db, article.id))!.title).toBe('第二版标题');

    const withdrawn = await editor.post(`/api/v1/articles/${article.id}/withdraw`, { reason: '内容过时' });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', live: null });
    expect(await findPublishedArticle(kexie.db, article.id)).toBeUndefined();
    expect((await searchDocuments(kexie.db, { q: '第二版标题', kind: 'article', page: 1, pageSize: 10 })).total).toBe(0);
    expect((await editor.post(`/api/v1/articles/${article.id}/withdraw`)).json().error.code).toBe('ARTICLE_NOT_PUBLISHED');
  });

  it('holds an approved article with a future time until it is due, then publishes it once', async () => {
    const publishAt = new Date(Date.now() + 3600_000).toISOString();
    const article = await draft({ title: '定时发布的文章', publishAt });
    await editor.post(`/api/v1/articles/${article.id}/submit`);
    for (const reviewer of reviewers) await reviewer.post(`/api/v1/articles/${article.id}/approve`);
    expect((await editor.get(`/api/v1/articles/${article.id}`)).json()).toMatchObject({ status: 'scheduled', live: null });

    expect(await publishDueArticles(kexie.db)).not.toContain(article.id);
    const later = new Date(Date.now() + 2 * 3600_000).toISOString();
    // Two processes polling at once: the conditional claim lets exactly one publish.
    const [a, b] = await Promise.all([publishDueArticles(kexie.db, later), publishDueArticles(kexie.db, later)]);
    expect([...a, ...b].filter((id) => id === article.id)).toHaveLength(1);
    expect((await editor.get(`/api/v1/articles/${article.id}`)).json()).toMatchObject({ status: 'published', live: { publishedAt: publishAt } });
  });

  it('prints a back-dated 发布时间 as given', async () => {
    const article = await publish(await draft({ title: '补发的旧闻', publishAt: '2024-05-30T02:00:00.000Z' }));
    expect((await editor.get(`/api/v1/articles/${article.id}`)).json().live.publishedAt).toBe('2024-05-30T02:00:00.000Z');
  });

  async function publish(article: { id: string }) {
    await editor.post(`/api/v1/articles/${article.id}/submit`);
    for (const reviewer of reviewers) expect((await reviewer.post(`/api/v1/articles/${article.id}/approve`)).statusCode).toBe(200);
    return article;
  }
});
