import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../src/bootstrap.ts';
import { startTestKexie, type TestKexie } from '../helpers/test-app.ts';

/** The search results page as a visitor reads it: hit titles in order, and the highlighted words. */
async function searchPage(kexie: TestKexie, q: string) {
  const response = await kexie.app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent(q)}` });
  const main = /<main[\s\S]*<\/main>/.exec(response.body)?.[0] ?? '';
  const titles = [...main.matchAll(/<a href="\/articles\/[^"]+"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
  const marks = [...main.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1]);
  return { status: response.statusCode, main, titles, marks };
}

describe('search on the demo site', () => {
  let kexie: TestKexie;
  beforeAll(async () => {
    kexie = await startTestKexie();
    await loadDemoData(kexie.db, kexie.config);
  }, 120_000);
  afterAll(() => kexie.close());

  it('ranks the hits for 科技馆 and highlights the word, in the same order on both databases', async () => {
    const page = await searchPage(kexie, '科技馆');
    expect(page.status).toBe(200);
    // Pages about the museum itself first, then those that mention it; asserted exactly, so both databases must agree.
    expect(page.titles.slice(0, 4)).toEqual([
      '市科技馆国庆假期开放时间公告',
      '市科技馆暑期科普研学活动火热开展',
      '全国科普日南阳主场活动举行',
      '南阳市科协2024年工作回顾:汇聚科技资源 赋能创新发展',
    ]);
    expect(page.titles.length).toBe(10);
    expect(new Set(page.marks)).toContain('科技馆');
    expect(page.main).toMatch(/<mark>科技馆<\/mark>国庆假期开放时间公告/);
  });

  it('finds 科普 inside longer words (科普活动, 科普讲座) and ranks the hits', async () => {
    const page = await searchPage(kexie, '科普');
    expect(page.titles).toEqual([
      '市科协领导到方城县调研科普工作',
      '全国科普日南阳主场活动举行',
      '崇尚科学 反对邪教——反邪教科普宣传进社区',
      '关于组织参加2024年全国科普日活动的通知',
      '市科技馆暑期科普研学活动火热开展',
      '南阳市科协2024年工作回顾:汇聚科技资源 赋能创新发展',
      '南阳市科学技术协会简介',
      '联系我们',
      '南阳市科协五届四次全委会议召开',
    ]);
    // 科普 is highlighted where it stands inside 科普活动 and 科普讲座.
    expect(page.main).toMatch(/<mark>科普<\/mark>活动/);
  });

  it('answers a word that appears in no article with an empty results page', async () => {
    const page = await searchPage(kexie, '量子纠缠');
    expect(page.status).toBe(200);
    expect(page.titles).toEqual([]);
    expect(page.main).toContain('没有找到与“量子纠缠”相关的内容');
  });
});
