import { describe, expect, it } from 'vitest';
import { analyzeQuery } from './search.analyzer.ts';
import { escapeHtml, highlight, snippet } from './search.highlight.ts';

const termsOf = (query: string) => new Set(analyzeQuery(query).terms);

describe('highlight', () => {
  it('escapes the text and marks each matched word', () => {
    expect(highlight('<b>科普</b> & "科协"', termsOf('科普 科协'))).toBe('&lt;b&gt;<mark>科普</mark>&lt;/b&gt; &amp; &quot;<mark>科协</mark>&quot;');
  });

  it('marks a word inside a compound, not the compound', () => {
    expect(highlight('科普活动', termsOf('科普'))).toBe('<mark>科普</mark>活动');
  });

  it('joins a word and its overlapping parts into one mark but keeps touching words apart', () => {
    expect(highlight('科普活动', termsOf('科普活动'))).toBe('<mark>科普活动</mark>');
    expect(highlight('科普工作', termsOf('科普 工作'))).toBe('<mark>科普</mark><mark>工作</mark>');
  });

  it('leaves a title without matches as escaped text', () => {
    expect(highlight("O'Neil <i>", termsOf('科普'))).toBe(escapeHtml("O'Neil <i>"));
  });
});

describe('snippet', () => {
  const filler = (n: number) => '各县区认真开展工作。'.repeat(n);

  it('shows the opening when the text holds no match', () => {
    expect(snippet('短文本', termsOf('科普'))).toBe('短文本');
    expect(snippet(filler(20), termsOf('科普'), 20)).toBe(`${filler(2)}…`);
  });

  it('centres on the cluster with the most distinct query words, cut with … on both sides', () => {
    const text = `科普${filler(10)}市科协组织科普宣传${filler(10)}科普`;
    const html = snippet(text, termsOf('科普 科协'), 40);
    expect(html).toMatch(/^…[^<]*市<mark>科协<\/mark>组织<mark>科普<\/mark>宣传[^<]*…$/);
    expect(html.replace(/<\/?mark>|…/g, '').length).toBe(40);
  });

  it('prefers more occurrences when the distinct words tie', () => {
    const text = `科普${filler(10)}科普和科普${filler(10)}`;
    expect(snippet(text, termsOf('科普'), 30)).toContain('<mark>科普</mark>和<mark>科普</mark>');
  });

  it('escapes HTML and reads whitespace runs as one space', () => {
    expect(snippet('<script>alert(1)</script>\n\n  科普', termsOf('科普'))).toBe('&lt;script&gt;alert(1)&lt;/script&gt; <mark>科普</mark>');
  });

  it('never cuts an emoji in half', () => {
    const html = snippet(`${'😀'.repeat(100)}科普`, termsOf('科普'), 11);
    expect(html).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });
});
