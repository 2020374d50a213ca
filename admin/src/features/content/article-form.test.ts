import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { contentOf, emptyArticleForm, formValuesOf, hasUnpublishedChanges } from './article-form.ts';
import type { ArticleContent } from './api.ts';

const stored: ArticleContent = {
  title: '南阳市科协召开年度工作会议',
  subtitle: '',
  author: '张三',
  source: '南阳市科协',
  columnIds: ['c1', 'c2'],
  coverMediaId: null,
  bodyHtml: '<p>正文</p>',
  attachmentIds: ['m1'],
  tags: ['工作会议'],
  isFocus: true,
  isPinned: false,
  publishAt: '2026-03-01T02:00:00.000Z',
};

describe('article form', () => {
  it('gives back exactly what was loaded when nothing was changed', () => {
    expect(contentOf(formValuesOf(stored), stored.bodyHtml)).toEqual(stored);
  });

  it('sends every optional field of a new article empty rather than missing, trims text and drops blank tags', () => {
    const content = contentOf({ ...emptyArticleForm, title: '  标题 ', columnIds: ['c1'], tags: [' 科普 ', ' '] }, '<p></p>');
    expect(content).toEqual({
      title: '标题',
      subtitle: '',
      author: '',
      source: '',
      columnIds: ['c1'],
      coverMediaId: null,
      bodyHtml: '',
      attachmentIds: [],
      tags: ['科普'],
      isFocus: false,
      isPinned: false,
      publishAt: null,
    });
  });

  it('sends the publication time as an ISO instant', () => {
    const content = contentOf({ ...emptyArticleForm, title: 't', columnIds: ['c1'], publishAt: dayjs('2026-05-20T08:30:00+08:00') }, '<p>x</p>');
    expect(content.publishAt).toBe('2026-05-20T00:30:00.000Z');
  });

  it('says the website is behind when the live revision is older than the current one', () => {
    expect(hasUnpublishedChanges({ revision: 3, live: { revision: 2, publishedAt: '2026-01-01T00:00:00.000Z' } })).toBe(true);
    expect(hasUnpublishedChanges({ revision: 3, live: { revision: 3, publishedAt: '2026-01-01T00:00:00.000Z' } })).toBe(false);
    expect(hasUnpublishedChanges({ revision: 3, live: null })).toBe(false);
  });
});
