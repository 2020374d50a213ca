import { describe, expect, it } from 'vitest';
import { reviewToMarkdown } from './render-markdown.ts';
import { sampleReview } from './template.fixture.ts';

describe('review as Markdown', () => {
  it('prints the title, the headings by level and the paragraphs with their figures as they read', () => {
    expect(reviewToMarkdown(sampleReview())).toBe(
      [
        '# 南阳市科协2024年工作回顾：汇聚科技资源 赋能创新发展',
        '## 思想引领',
        '### 不断巩固党在科技界的执政基础',
        '大力弘扬科学家精神。召开科学家精神报告会6场。',
        '## 开拓创新',
        '开展2758项形式多样、成效明显的科普活动，受益人次超过200万。',
        '## 建强阵地',
        '科技馆全年接待观众33.56万人次 \\<团体\\> & “75”个。2025年已经到来。',
      ].join('\n\n') + '\n',
    );
  });

  it('escapes what Markdown would read as formatting, and a paragraph that would start a heading or list', () => {
    const paragraph = (text: string) => ({ kind: 'paragraph' as const, content: [{ kind: 'text' as const, text }] });
    const review = { title: 'a*b', year: 2024, orgId: 'o', blocks: [paragraph('#1 [链接](x) 2. _斜_'), paragraph('2. 列表'), paragraph('- 项'), paragraph('> 引')] };
    expect(reviewToMarkdown(review)).toBe(['# a\\*b', '\\#1 \\[链接\\](x) 2. \\_斜\\_', '2\\. 列表', '\\- 项', '\\> 引'].join('\n\n') + '\n');
  });
});
