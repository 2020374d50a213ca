import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexDocument, indexDocuments, removeDocument, searchDocuments, type SearchableDocument, type SearchQuery } from '../../src/modules/search/index.ts';
import { AppError } from '../../src/platform/errors.ts';
import { createTestDb, testDialect, type TestDatabase } from '../helpers/test-db.ts';

/**
 * The search index on the real databases. Expected ids and scores are fixed
 * numbers, so the SQLite run and the PostgreSQL run each have to produce
 * exactly them: the two dialects rank identically.
 */

const article = (id: string, title: string, text: string, publishedAt: string, tags: string[] = []): SearchableDocument => ({
  kind: 'article', id, title, text, publishedAt, tags,
});

// Published times are UTC; 2026-02-28T16:00Z is midnight of 1 March in China.
const corpus = [
  article('a1', '南阳市科协召开科普工作会议', '会议总结了全市科普工作，部署下一阶段科普宣传。各县区科协负责人参加会议。', '2026-02-28T16:00:00.000Z', ['column:news']),
  article('a2', '青少年科技创新大赛举行', '大赛吸引了全市两百多所学校参加，评委会还组织了科普讲座，学生们踊跃提问。', '2026-03-05T15:59:59.000Z', ['column:news']),
  article('a3', '科普活动进社区', '志愿者在社区广场开展科普活动，讲解防范电信诈骗与健康生活知识。', '2026-04-10T01:00:00.000Z', ['column:science']),
  article('a4', '学会服务站年度总结', '服务站全年走访企业三十家。<script>alert("x")</script> 市科协给予表彰 & 奖励。', '2026-02-10T01:00:00.000Z', ['column:news']),
  article('a5', '乡村振兴技术培训', '农技专家为种植户讲解猕猴桃栽培与病虫害防治技术。', '2026-01-15T01:00:00.000Z'),
  article('a6', '气象服务保障春耕', '气象部门发布春耕气象服务专报，气象信息员把气象预警送到田间地头。', '2026-03-20T01:00:00.000Z'),
  article('a7', '防汛工作部署', '会议要求做好防汛准备，并提到气象预报的重要性。', '2026-03-21T01:00:00.000Z'),
];

describe(`search on ${testDialect}`, () => {
  let database: TestDatabase;
  const search = (q: string, options: Partial<SearchQuery> = {}) =>
    searchDocuments(database.db, { q, kind: 'article', page: 1, pageSize: 10, ...options });
  const idsOf = async (q: string, options: Partial<SearchQuery> = {}) => (await search(q, options)).items.map((hit) => hit.id);

  beforeAll(async () => {
    database = await createTestDb();
    for (const doc of corpus) await indexDocument(database.db, doc);
    // Another kind holding the same words is never mixed in.
    await indexDocument(database.db, { ...corpus[0]!, kind: 'notice', id: 'n1' });
  });
  afterAll(() => database.dispose());

  it('finds two-character Chinese words, which trigram indexes cannot', async () => {
    expect(await idsOf('科普')).toEqual(['a1', 'a3', 'a2']);
    expect(await idsOf('科协')).toEqual(['a1', 'a4']);
  });

  it('finds a word inside a longer compound: 活动 and 科普 in 科普活动', async () => {
    expect(await idsOf('活动')).toEqual(['a3']);
    const hit = (await search('科普')).items.find((item) => item.id === 'a3')!;
    expect(hit.titleHtml).toBe('<mark>科普</mark>活动进社区');
  });

  it('ranks title matches and denser matches first, with the same scores on both databases', async () => {
    const hits = await search('科普');
    expect(hits.items.map((hit) => [hit.id, hit.score.toFixed(6)])).toEqual([
      ['a1', '1.413096'],
      ['a3', '1.404469'],
      ['a2', '0.729844'],
    ]);
    // 气象 four times in a6's text and in its title, once in a7's text.
    expect((await search('气象')).items.map((hit) => [hit.id, hit.score.toFixed(6)])).toEqual([
      ['a6', '2.212899'],
      ['a7', '1.370195'],
    ]);
  });

  it('scores by BM25: idf from document frequency, title terms counted three times, length normalised', async () => {
    // Lengths: d1 = 3 × 1 + 2 = 5 terms, d2 = 3 × 1 + 3 = 6; average 5.5. "beta" is in both (df 2 of 2).
    await indexDocument(database.db, { kind: 'bm25', id: 'd1', title: 'alpha', text: 'alpha beta', publishedAt: '2026-01-01T00:00:00.000Z', tags: [] });
    await indexDocument(database.db, { kind: 'bm25', id: 'd2', title: 'gamma', text: 'Beta BETA beta', publishedAt: '2026-01-01T00:00:00.000Z', tags: [] });
    const bm25 = (tf: number, length: number, df: number) =>
      (Math.log(1 + (2 - df + 0.5) / (df + 0.5)) * 2.2 * tf) / (tf + 1.2 * (0.25 + (0.75 * length) / 5.5));
    const scores = async (q: string) =>
      (await searchDocuments(database.db, { q, kind: 'bm25', page: 1, pageSize: 10 })).items.map((hit) => [hit.id, hit.score]);
    expect(await scores('beta')).toEqual([
      ['d2', Math.round(bm25(3, 6, 2) * 1e6) / 1e6],
      ['d1', Math.round(bm25(1, 5, 2) * 1e6) / 1e6],
    ]);
    expect(await scores('alpha')).toEqual([['d1', Math.round(bm25(3 + 1, 5, 1) * 1e6) / 1e6]]);
  });

  it('returns what the query was split into, and needs every word of it', async () => {
    const result = await search('科普 会议');
    expect(result.terms).toEqual(['科普', '会议']);
    expect(result.items.map((hit) => hit.id)).toEqual(['a1']);
    expect(result.total).toBe(1);
  });

  it('marks exactly the matched words and escapes the HTML in the document', async () => {
    const [hit] = (await search('科协', { tag: 'column:news', from: '2026-02-01', to: '2026-02-20' })).items;
    expect(hit!.id).toBe('a4');
    expect(hit!.titleHtml).toBe('学会服务站年度总结');
    expect(hit!.snippetHtml).toBe('服务站全年走访企业三十家。&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; 市<mark>科协</mark>给予表彰 &amp; 奖励。');
    const [a1] = (await search('科普工作')).items;
    expect(a1!.titleHtml).toBe('南阳市科协召开<mark>科普</mark><mark>工作</mark>会议');
  });

  it('filters by tag and by publication day in China, both ends inclusive', async () => {
    expect(await idsOf('科普', { tag: 'column:science' })).toEqual(['a3']);
    expect(await idsOf('科普', { tag: 'column:none' })).toEqual([]);
    expect(await idsOf('科普', { from: '2026-03-01', to: '2026-03-05' })).toEqual(['a1', 'a2']);
    expect(await idsOf('科普', { from: '2026-03-02', to: '2026-03-05' })).toEqual(['a2']);
    expect(await idsOf('科普', { from: '2026-03-01', to: '2026-03-04' })).toEqual(['a1']);
    expect(await idsOf('科普', { from: '2026-04-10' })).toEqual(['a3']);
  });

  it('pages through the hits with the total on every page, past the last one too', async () => {
    const first = await search('科普', { pageSize: 2 });
    const second = await search('科普', { pageSize: 2, page: 2 });
    const beyond = await search('科普', { pageSize: 2, page: 5 });
    expect([first.items.map((h) => h.id), first.total]).toEqual([['a1', 'a3'], 3]);
    expect([second.items.map((h) => h.id), second.total]).toEqual([['a2'], 3]);
    expect([beyond.items, beyond.total]).toEqual([[], 3]);
  });

  it('finds nothing, without an error, for words no document holds and for empty queries', async () => {
    for (const q of ['量子计算', '科普 量子', '', '   ', '，。！']) {
      expect(await search(q)).toMatchObject({ items: [], total: 0 });
    }
  });

  it('treats SQL and LIKE syntax as plain words', async () => {
    for (const q of ["' OR 1=1 --", "科普'; drop table search_postings; --", '%', '_', '\\', '%科%']) {
      const result = await search(q);
      expect(result.items.filter((hit) => !['a1', 'a2', 'a3'].includes(hit.id))).toEqual([]);
      if (!q.includes('科普')) expect(result).toMatchObject({ items: [], total: 0 });
    }
    expect(await idsOf('科普')).toEqual(['a1', 'a3', 'a2']);
  });

  it('rejects a bad page, page size or date naming the field, and changes nothing', async () => {
    const failure = await search('科普', { page: 0, pageSize: 500, from: '2026-02-30', to: 'yesterday' }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('VALIDATION_FAILED');
    expect((failure as AppError).options.details?.map((d) => [d.path, d.code])).toEqual([
      ['query.page', 'SEARCH_PAGE_INVALID'],
      ['query.pageSize', 'SEARCH_PAGE_SIZE_INVALID'],
      ['query.from', 'SEARCH_DATE_INVALID'],
      ['query.to', 'SEARCH_DATE_INVALID'],
    ]);
    const reversed = await search('科普', { from: '2026-03-05', to: '2026-03-01' }).catch((err: unknown) => err);
    expect((reversed as AppError).options.details?.map((d) => [d.path, d.code])).toEqual([['query.to', 'SEARCH_DATE_RANGE_REVERSED']]);
  });

  it('replaces the previous version when a document is indexed again', async () => {
    const doc = { kind: 'page', id: 'p1', title: '旧标题', text: '猕猴桃采摘节', publishedAt: '2026-05-01T00:00:00.000Z', tags: ['column:old'] };
    await indexDocument(database.db, doc);
    await indexDocument(database.db, { ...doc, title: '新标题', text: '香菇种植技术', tags: ['column:new'] });
    const inPages = (q: string, tag?: string) => searchDocuments(database.db, { q, kind: 'page', tag, page: 1, pageSize: 10 });
    expect((await inPages('猕猴桃')).total).toBe(0);
    expect((await inPages('旧标题')).total).toBe(0);
    expect((await inPages('香菇', 'column:old')).total).toBe(0);
    const [hit] = (await inPages('香菇', 'column:new')).items;
    expect([hit!.id, hit!.titleHtml, hit!.snippetHtml]).toEqual(['p1', '新标题', '<mark>香菇</mark>种植技术']);
  });

  it('indexes a batch in one go, the last version of a document given twice winning', async () => {
    const doc = (id: string, text: string) => ({ kind: 'batch', id, title: `标题${id}`, text, publishedAt: '2026-05-01T00:00:00.000Z', tags: [] });
    await indexDocuments(database.db, [doc('b1', '香菇种植'), doc('b2', '香菇烘干'), doc('b1', '木耳种植')]);
    const ids = async (q: string) => (await searchDocuments(database.db, { q, kind: 'batch', page: 1, pageSize: 10 })).items.map((hit) => hit.id);
    expect(await ids('香菇')).toEqual(['b2']);
    expect(await ids('种植')).toEqual(['b1']);
  });

  it('removes a document and its postings, and removing it twice is harmless', async () => {
    const doc = { kind: 'removal', id: 'r1', title: '科技下乡', text: '专家送科技下乡', publishedAt: '2026-05-01T00:00:00.000Z', tags: ['column:x'] };
    await indexDocument(database.db, doc);
    await removeDocument(database.db, 'removal', 'r1');
    await removeDocument(database.db, 'removal', 'r1');
    expect(await searchDocuments(database.db, { q: '科技', kind: 'removal', page: 1, pageSize: 10 })).toMatchObject({ items: [], total: 0 });
    const count = async (table: 'search_document_texts' | 'search_postings' | 'search_document_tags') =>
      Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = { texts: await count('search_document_texts'), postings: await count('search_postings'), tags: await count('search_document_tags') };
    await indexDocument(database.db, { ...doc, id: 'r2' });
    await removeDocument(database.db, 'removal', 'r2');
    expect({ texts: await count('search_document_texts'), postings: await count('search_postings'), tags: await count('search_document_tags') }).toEqual(before);
  });
});
