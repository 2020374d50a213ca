import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../src/bootstrap.ts';
import type { ReviewDocument, ReviewFigure } from '../../src/modules/reports/review-document.ts';
import { startTestKexie, type TestClient, type TestKexie } from '../helpers/test-app.ts';

interface Review {
  id: string;
  orgId: string;
  year: number;
  title: string;
  revision: number;
  updatedByName: string;
  document: ReviewDocument;
  article: { id: string; status: string; live: boolean } | null;
}

const figuresOf = (document: ReviewDocument) => document.blocks.flatMap((block) => block.content).filter((inline): inline is ReviewFigure => inline.kind === 'figure');
const activityCount = (document: ReviewDocument) => figuresOf(document).find((figure) => figure.code === 'activities.count' && !figure.where);

/** The 2024 review of the demo city, as staff generate, edit, publish and export it. */
describe('the annual review desk', () => {
  let kexie: TestKexie;
  let editor: TestClient & { userId: string };
  let review: Review;

  beforeAll(async () => {
    kexie = await startTestKexie();
    await loadDemoData(kexie.db, kexie.config);
    editor = await kexie.signIn(kexie.root.id, ['editor'], { displayName: '陈敏' });
    const generated = await editor.post('/api/v1/annual-reviews', { year: 2024 });
    if (generated.statusCode !== 201) throw new Error(`generate: ${generated.body}`);
    review = generated.json();
  }, 180_000);
  afterAll(() => kexie.close());

  /** Saves a document as the editor, from the review's current revision, and keeps the answer. */
  async function save(document: ReviewDocument, baseRevision = review.revision) {
    const response = await editor.put(`/api/v1/annual-reviews/${review.id}`, { document, baseRevision });
    if (response.statusCode === 200) review = response.json();
    return response;
  }

  it('generates the city’s 2024 review from the records, with 2758 activities as a traceable figure', async () => {
    expect(review).toMatchObject({ orgId: kexie.root.id, year: 2024, revision: 1, updatedByName: '陈敏', article: null });
    expect(review.title).toContain('2024');
    const count = activityCount(review.document)!;
    expect(count).toMatchObject({ value: 2758, text: '2758', filters: { orgId: kexie.root.id, from: '2024-01-01', to: '2024-12-31', verifiedOnly: true } });
    const listed = (await editor.get('/api/v1/annual-reviews?year=2024')).json().items;
    expect(listed.map((r: Review) => r.id)).toEqual([review.id]);
  });

  it('never generates over a year staff already have, answering REVIEW_EXISTS', async () => {
    const again = await editor.post('/api/v1/annual-reviews', { year: 2024, orgId: kexie.root.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('REVIEW_EXISTS');
    expect((await editor.get(`/api/v1/annual-reviews/${review.id}`)).json().revision).toBe(review.revision);
  });

  it('refuses a save from a stale revision with 409 naming who saved in between', async () => {
    const base = review.revision;
    const colleague = await kexie.signIn(kexie.root.id, ['editor'], { displayName: '刘洋' });
    const first = await colleague.put(`/api/v1/annual-reviews/${review.id}`, { document: { ...review.document, title: `${review.document.title}（修订）` }, baseRevision: base });
    expect(first.statusCode).toBe(200);
    const stale = await save(review.document, base);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'REVIEW_EDIT_CONFLICT' });
    expect(stale.json().error.message).toContain('刘洋');
    review = (await editor.get(`/api/v1/annual-reviews/${review.id}`)).json();
    expect(review.title).toContain('（修订）');
  });

  it('refuses a document whose figure lost its indicator code with 400 naming the field, and changes nothing', async () => {
    const blocks = structuredClone(review.document.blocks);
    const b = blocks.findIndex((block) => block.content.some((inline) => inline.kind === 'figure'));
    const i = blocks[b]!.content.findIndex((inline) => inline.kind === 'figure');
    delete (blocks[b]!.content[i] as Partial<ReviewFigure>).code;
    const response = await save({ ...review.document, blocks });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { path: string }) => d.path)).toContain(`body.document.blocks.${b}.content.${i}.code`);

    const unknown = structuredClone(review.document);
    (unknown.blocks[b]!.content[i] as ReviewFigure).code = 'activities.nothing';
    const refused = await save(unknown);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'REVIEW_FIGURE_UNKNOWN', details: [{ path: `body.document.blocks.${b}.content.${i}.code` }] });
    expect((await editor.get(`/api/v1/annual-reviews/${review.id}`)).json().revision).toBe(review.revision);
  });

  it('keeps the staff’s sentence and recomputes a figure someone tampered with', async () => {
    const edited = structuredClone(review.document);
    const paragraph = edited.blocks.find((block) => block.content.some((inline) => inline.kind === 'figure' && inline.code === 'activities.count'))!;
    paragraph.content.unshift({ kind: 'text', text: '这一年，我们坚持服务基层。' });
    const count = paragraph.content.find((inline): inline is ReviewFigure => inline.kind === 'figure' && inline.code === 'activities.count')!;
    Object.assign(count, { value: 1, text: '1' });
    expect((await save(edited)).statusCode).toBe(200);

    const refreshed = await editor.post(`/api/v1/annual-reviews/${review.id}/refresh`, { baseRevision: review.revision });
    expect(refreshed.statusCode).toBe(200);
    review = refreshed.json();
    expect(activityCount(review.document)).toMatchObject({ value: 2758, text: '2758' });
    expect(JSON.stringify(review.document)).toContain('这一年，我们坚持服务基层。');
  });

  it('hides the city’s review from a county editor as if it did not exist', async () => {
    const fangcheng = await kexie.org('411322');
    const countyEditor = await kexie.signIn(fangcheng.id, ['editor']);
    for (const path of [`/api/v1/annual-reviews/${review.id}`, `/api/v1/annual-reviews/${review.id}/export?format=md`]) {
      const response = await countyEditor.get(path);
      expect(response.statusCode, path).toBe(404);
      expect(response.json().error.code).toBe('REVIEW_NOT_FOUND');
    }
    expect((await countyEditor.put(`/api/v1/annual-reviews/${review.id}`, { document: review.document, baseRevision: review.revision })).statusCode).toBe(404);
    expect((await countyEditor.get('/api/v1/annual-reviews')).json().items).toEqual([]);
    const outside = await countyEditor.post('/api/v1/annual-reviews', { year: 2024, orgId: kexie.root.id });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe('REVIEW_ORG_NOT_FOUND');
  });

  it('exports Word as a .docx named after the review in Chinese, and the same text as Markdown and PDF', async () => {
    const response = await editor.get(`/api/v1/annual-reviews/${review.id}/export?format=docx`);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`${review.title}.docx`).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`);
    const markdown = await editor.get(`/api/v1/annual-reviews/${review.id}/export?format=md`);
    expect(markdown.body).toContain('这一年，我们坚持服务基层。');
    expect(markdown.body).toContain('2758');
    const pdf = await editor.get(`/api/v1/annual-reviews/${review.id}/export?format=pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.headers['content-disposition']).toMatch(/filename\*=UTF-8''.*\.pdf$/);
  }, 120_000);

  it('publishes as a focus article that goes online in 焦点新闻 once the review chain approves it', async () => {
    const columns = (await editor.get('/api/v1/columns')).json().items as { id: string; name: string }[];
    const image = (await editor.get('/api/v1/media?kind=image')).json().items[0] as { id: string };
    const withoutCover = await editor.post(`/api/v1/annual-reviews/${review.id}/publish`, { columnId: columns[0]!.id, baseRevision: review.revision });
    expect(withoutCover.statusCode).toBe(400);
    expect(withoutCover.json().error).toMatchObject({ code: 'REVIEW_FOCUS_NEEDS_COVER', details: [{ path: 'body.coverMediaId' }] });

    const published = await editor.post(`/api/v1/annual-reviews/${review.id}/publish`, { columnId: columns[0]!.id, coverMediaId: image.id, baseRevision: review.revision });
    expect(published.statusCode).toBe(200);
    review = published.json();
    expect(review.article).toMatchObject({ status: 'in_review', live: false });

    for (let level = 1; level <= 3; level++) {
      const reviewer = await kexie.signIn(kexie.root.id, ['reviewer']);
      expect((await reviewer.post(`/api/v1/articles/${review.article!.id}/approve`, {})).statusCode).toBe(200);
    }
    review = (await editor.get(`/api/v1/annual-reviews/${review.id}`)).json();
    expect(review.article).toMatchObject({ status: 'published', live: true });

    const home = await kexie.app.inject({ method: 'GET', url: '/' });
    const focus = home.body.slice(home.body.indexOf('id="focus-heading"'));
    expect(focus.slice(0, focus.indexOf('</section>'))).toContain(review.title);
    const page = await kexie.app.inject({ method: 'GET', url: `/articles/${review.article!.id}` });
    expect(page.body).toContain('这一年，我们坚持服务基层。');
    expect(page.body).toContain('2758');

    // Publishing again updates the same article rather than adding another.
    const again = await editor.post(`/api/v1/annual-reviews/${review.id}/publish`, { columnId: columns[0]!.id, baseRevision: review.revision });
    expect(again.statusCode).toBe(200);
    expect(again.json().article.id).toBe(review.article!.id);
  });

  it('goes out once when two people press 发布 at the same moment: one article, and the other is told someone else went first', async () => {
    const other = (await editor.post('/api/v1/annual-reviews', { year: 2023 })).json() as Review;
    const columns = (await editor.get('/api/v1/columns')).json().items as { id: string }[];
    const image = (await editor.get('/api/v1/media?kind=image')).json().items[0] as { id: string };
    const articles = async () => Number((await kexie.db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await articles();

    const body = { columnId: columns[0]!.id, coverMediaId: image.id, baseRevision: other.revision };
    const answers = await Promise.all([1, 2].map(() => editor.post(`/api/v1/annual-reviews/${other.id}/publish`, body)));
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((answer) => answer.statusCode === 409)!.json().error.code).toBe('REVIEW_EDIT_CONFLICT');
    expect(await articles()).toBe(before + 1);
    const published = answers.find((answer) => answer.statusCode === 200)!.json() as Review;
    expect((await editor.get(`/api/v1/annual-reviews/${other.id}`)).json()).toMatchObject({ revision: published.revision, article: { id: published.article!.id } });
  });
});
