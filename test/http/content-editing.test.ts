import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { storeMedia } from '../../src/modules/media/index.ts';
import { createColumn, editableFieldsOf as pick } from '../factories/content.ts';
import { cliContext } from '../factories/index.ts';
import { startTestKexie, type TestClient, type TestKexie } from '../helpers/test-app.ts';

describe('article editing: revisions, conflicts, sanitising and scope', () => {
  let kexie: TestKexie;
  let editor: TestClient;
  let columnId: string;

  beforeAll(async () => {
    kexie = await startTestKexie();
    editor = await kexie.signIn(kexie.root.id, ['editor']);
    columnId = (await createColumn(kexie.db, { name: '通知公告', slug: 'notices-editing' })).id;
  });
  afterAll(() => kexie.close());

  const create = async (title: string, bodyHtml = '<p>第一版正文。</p>') => (await editor.post('/api/v1/articles', { title, columnIds: [columnId], bodyHtml })).json();
  const save = async (article: Record<string, unknown>, changes: Record<string, unknown>) =>
    editor.put(`/api/v1/articles/${article.id}`, { ...pick(article), ...changes, baseRevision: article.revision });

  it('keeps every save as a revision, diffs two of them, and restores an old one as a new unpublished draft', async () => {
    const v1 = await create('修订测试');
    const v2 = (await save(v1, { title: '修订测试（改）', bodyHtml: '<p>第二版正文，增加了内容。</p>', tags: ['科普'] })).json();
    expect(v2.revision).toBe(2);
    const list = (await editor.get(`/api/v1/articles/${v1.id}/revisions`)).json().items;
    expect(list.map((r: { number: number }) => r.number)).toEqual([2, 1]);

    const diff = (await editor.get(`/api/v1/articles/${v1.id}/revisions/diff?from=1&to=2`)).json();
    expect(diff.fields).toEqual([
      { field: 'title', before: '修订测试', after: '修订测试（改）' },
      { field: 'tags', before: '', after: '科普' },
    ]);
    expect(diff.body.filter((p: { op: string }) => p.op !== 'equal').map((p: { op: string; text: string }) => `${p.op}:${p.text}`)).toEqual(['delete:一', 'insert:二', 'insert:，增加了内容']);

    const restored = (await editor.post(`/api/v1/articles/${v1.id}/revisions/1/restore`)).json();
    expect(restored).toMatchObject({ revision: 3, title: '修订测试', status: 'draft', live: null });
    const third = (await editor.get(`/api/v1/articles/${v1.id}/revisions/3`)).json();
    expect(third).toMatchObject({ number: 3, note: '由第 1 版恢复', content: { title: '修订测试', bodyHtml: '<p>第一版正文。</p>' } });
    expect((await editor.get(`/api/v1/articles/${v1.id}/revisions/9`)).json().error).toMatchObject({ code: 'ARTICLE_REVISION_NOT_FOUND', message: '文章没有第 9 版修订' });
  });

  it('refuses a save based on an older revision instead of overwriting a colleague’s edit', async () => {
    const article = await create('并发编辑');
    expect((await save(article, { title: '甲的修改' })).statusCode).toBe(200);
    const late = await save(article, { title: '乙的修改' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('您是在第 1 版上编辑的');
    expect((await editor.get(`/api/v1/articles/${article.id}`)).json().title).toBe('甲的修改');
  });

  it('does not add a revision when nothing changed', async () => {
    const article = await create('无改动');
    expect((await save(article, {})).json().revision).toBe(1);
  });

  it('stores the body sanitised: scripts, handlers, javascript: links and style blocks never reach the database', async () => {
    const article = await create(
      'XSS',
      '<p onmouseover="alert(1)">正文</p><script>alert(2)</script><style>body{display:none}</style><a href="javascript:alert(3)">点我</a><img src=x onerror=alert(4)><svg onload=alert(5)></svg>',
    );
    expect(article.bodyHtml).toBe('<p>正文</p><a>点我</a>');
  });

  it('keeps a picture an article uses from being deleted from the media library', async () => {
    const picture = await storeMedia(await cliContext(kexie.db), { fileName: '封面.png', bytes: await sharp({ create: { width: 40, height: 30, channels: 3, background: '#28a' } }).png().toBuffer() });
    await editor.post('/api/v1/articles', { title: '用了这张图', columnIds: [columnId], bodyHtml: `<p><img data-media-id="${picture.id}" alt="图"></p>` });
    const refused = await editor.delete(`/api/v1/media/${picture.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'MEDIA_IN_USE' });
    expect(refused.json().error.message).toContain('用了这张图');
  });

  it('names the field that points at something missing', async () => {
    const response = await editor.post('/api/v1/articles', { title: '坏栏目', columnIds: ['01a00000-0000-7000-8000-000000000000'], bodyHtml: '<p>x</p>' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'ARTICLE_COLUMN_UNKNOWN', details: [{ path: 'body.columnIds' }] });
    const cover = await editor.post('/api/v1/articles', { title: '坏封面', columnIds: [columnId], bodyHtml: '<p>x</p>', coverMediaId: '01a00000-0000-7000-8000-000000000000' });
    expect(cover.json().error).toMatchObject({ code: 'ARTICLE_COVER_NOT_IMAGE', details: [{ path: 'body.coverMediaId' }] });
    const missing = await editor.post('/api/v1/articles', { columnIds: [columnId], bodyHtml: '<p>x</p>' });
    expect(missing.json().error.details.map((d: { path: string }) => d.path)).toContain('body.title');
  });

  it('keeps a county’s articles within the county: other counties neither list nor open them', async () => {
    const fangcheng = await kexie.org('411322');
    const xixia = await kexie.org('411323');
    const countyEditor = await kexie.signIn(fangcheng.id, ['editor']);
    const otherCounty = await kexie.signIn(xixia.id, ['editor', 'reviewer']);
    const article = (await countyEditor.post('/api/v1/articles', { title: '方城县科协动态', columnIds: [columnId], bodyHtml: '<p>方城</p>' })).json();
    expect((await otherCounty.get(`/api/v1/articles/${article.id}`)).statusCode).toBe(404);
    expect((await otherCounty.get('/api/v1/articles?q=方城县科协动态')).json().total).toBe(0);
    expect((await otherCounty.post(`/api/v1/articles/${article.id}/submit`)).statusCode).toBe(404);
    expect((await editor.get('/api/v1/articles?q=方城县科协动态')).json().total).toBe(1);
  });

  it('lets only editors and admins write, and audits each step', async () => {
    const viewer = await kexie.signIn(kexie.root.id, ['viewer']);
    expect((await viewer.post('/api/v1/articles', { title: 'x', columnIds: [columnId], bodyHtml: '<p>x</p>' })).statusCode).toBe(403);
    expect((await viewer.get('/api/v1/articles')).statusCode).toBe(403);
    const article = await create('审计');
    await save(article, { title: '审计（改）' });
    await editor.post(`/api/v1/articles/${article.id}/submit`);
    const rows = await kexie.db.selectFrom('audit_log').select(['action', 'after_json']).where('entity', '=', 'article').where('entity_id', '=', article.id).orderBy('at').execute();
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'submit']);
    expect(JSON.parse(rows[2]!.after_json!)).toMatchObject({ status: 'in_review', reviewLevel: 1, revision: 2 });
  });
});

describe('columns and the review chain', () => {
  let kexie: TestKexie;
  let admin: TestClient;
  beforeAll(async () => {
    kexie = await startTestKexie();
    admin = await kexie.signIn(kexie.root.id, ['admin']);
  });
  afterAll(() => kexie.close());

  it('builds a column tree in order and refuses a taken slug, a cycle, and deleting a column in use', async () => {
    const parent = (await admin.post('/api/v1/columns', { name: '科普之家', slug: 'kepu', position: 2 })).json();
    const first = (await admin.post('/api/v1/columns', { name: '关于科协', slug: 'about', position: 1, listStyle: 'page' })).json();
    const child = (await admin.post('/api/v1/columns', { name: '科普动态', slug: 'kepu-news', parentId: parent.id })).json();
    expect((await admin.get('/api/v1/columns')).json().items.map((c: { slug: string }) => c.slug)).toEqual(['about', 'kepu', 'kepu-news']);
    expect(first).toMatchObject({ listStyle: 'page', inNav: true, onHome: false });

    const taken = await admin.post('/api/v1/columns', { name: '重复', slug: 'kepu' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'COLUMN_SLUG_TAKEN', message: '栏目地址“kepu”已被“科普之家”使用', details: [{ path: 'body.slug' }] });
    expect((await admin.post('/api/v1/columns', { name: '坏地址', slug: 'Bad Slug' })).json().error.details[0].path).toBe('body.slug');
    expect((await admin.patch(`/api/v1/columns/${parent.id}`, { parentId: child.id })).json().error.code).toBe('COLUMN_MOVE_INTO_OWN_SUBTREE');

    expect((await admin.delete(`/api/v1/columns/${parent.id}`)).json().error).toMatchObject({ code: 'COLUMN_HAS_CHILDREN' });
    await admin.post('/api/v1/articles', { title: '占用', columnIds: [child.id], bodyHtml: '<p>x</p>' });
    expect((await admin.delete(`/api/v1/columns/${child.id}`)).json().error).toMatchObject({ code: 'COLUMN_HAS_ARTICLES', message: '该栏目下还有 1 篇文章，请先把它们移到其他栏目' });
    expect((await admin.delete(`/api/v1/columns/${first.id}`)).statusCode).toBe(204);

    const editor = await kexie.signIn(kexie.root.id, ['editor']);
    expect((await editor.post('/api/v1/columns', { name: '编辑不能建', slug: 'no' })).statusCode).toBe(403);
  });

  it('renames the review levels and changes their number only while nothing is in review', async () => {
    expect((await admin.get('/api/v1/review-levels')).json().items.map((l: { name: string }) => l.name)).toEqual(['初审', '复审', '终审']);
    const two = await admin.put('/api/v1/review-levels', { names: ['部门审核', '领导审签'] });
    expect(two.json().items).toEqual([{ level: 1, name: '部门审核' }, { level: 2, name: '领导审签' }]);

    const column = (await admin.post('/api/v1/columns', { name: '审核链', slug: 'chain' })).json();
    const editor = await kexie.signIn(kexie.root.id, ['editor']);
    const article = (await editor.post('/api/v1/articles', { title: '两级审核', columnIds: [column.id], bodyHtml: '<p>x</p>' })).json();
    expect((await editor.post(`/api/v1/articles/${article.id}/submit`)).json().reviewLevelName).toBe('部门审核');
    const busy = await admin.put('/api/v1/review-levels', { names: ['一审', '二审', '三审'] });
    expect(busy.json().error).toMatchObject({ code: 'REVIEW_LEVELS_BUSY', message: '还有 1 篇文章正在审核中，审核完成前不能改变审核级数' });
    expect((await admin.put('/api/v1/review-levels', { names: ['科室初审', '分管领导审签'] })).statusCode).toBe(200);
    const reviewers = [await kexie.signIn(kexie.root.id, ['reviewer']), await kexie.signIn(kexie.root.id, ['reviewer'])];
    await reviewers[0]!.post(`/api/v1/articles/${article.id}/approve`);
    expect((await reviewers[1]!.post(`/api/v1/articles/${article.id}/approve`)).json().status).toBe('published');
  });
});
