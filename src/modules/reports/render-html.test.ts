import { describe, expect, it } from 'vitest';
import { sanitizeBody } from '../content/article-body.ts';
import { reviewToHtml } from './render-html.ts';
import { sampleReview } from './template.fixture.ts';

describe('review as HTML', () => {
  it('writes headings as h2/h3 and paragraphs as p, figures as plain text, everything escaped', () => {
    const html = reviewToHtml(sampleReview());
    expect(html.split('\n')).toEqual([
      '<h2>思想引领</h2>',
      '<h3>不断巩固党在科技界的执政基础</h3>',
      '<p>大力弘扬科学家精神。召开科学家精神报告会6场。</p>',
      '<h2>开拓创新</h2>',
      '<p>开展2758项形式多样、成效明显的科普活动，受益人次超过200万。</p>',
      '<h2>建强阵地</h2>',
      '<p>科技馆全年接待观众33.56万人次 &lt;团体&gt; &amp; “75”个。2025年已经到来。</p>',
    ]);
  });

  it('passes the portal article body’s sanitizer unchanged', () => {
    const html = reviewToHtml(sampleReview());
    expect(sanitizeBody(html)).toBe(html);
  });

  it('marks each figure with its indicator, value, format and query for the console when asked, and the title as h1', () => {
    const html = reviewToHtml(sampleReview(), { title: true, figureSpans: true });
    expect(html.split('\n')[0]).toBe('<h1>南阳市科协2024年工作回顾：汇聚科技资源 赋能创新发展</h1>');
    expect(html).toContain(
      '召开科学家精神报告会<span class="review-figure" data-indicator="activities.count" data-value="6" data-format="plain" title="activities.count · 南阳市科协 2024-01-01–2024-12-31 · series=科学家精神; type=讲座/报告会">6</span>场。',
    );
    expect(html).toContain('受益人次<span class="review-figure" data-indicator="activities.participants" data-value="2260272" data-format="over" title="activities.participants · 南阳市科协 2024-01-01–2024-12-31">超过200万</span>。');
  });
});
