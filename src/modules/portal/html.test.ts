import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw } from './html.ts';

describe('html', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const title = '<script>alert("x")</script> & \'quotes\'';
    expect(html`<a title="${title}">${title}</a>`.value).toBe(
      '<a title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</a>',
    );
  });

  it('inserts nested html and raw markup as is', () => {
    const inner = html`<b>${'a<b'}</b>`;
    expect(html`<p>${inner}${raw('<i>ok</i>')}</p>`.value).toBe('<p><b>a&lt;b</b><i>ok</i></p>');
  });

  it('joins arrays and prints nothing for null, undefined and false', () => {
    const items = ['1', '<2>'];
    expect(html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>${null}${undefined}${false}${0}`.value).toBe('<ul><li>1</li><li>&lt;2&gt;</li></ul>0');
  });

  it('escapes strings inside arrays too', () => {
    expect(html`${['<a>', raw('<b>')]}`.value).toBe('&lt;a&gt;<b>');
  });

  it('escapeHtml leaves Chinese text alone', () => {
    expect(escapeHtml('南阳市科协“全国科技工作者日”')).toBe('南阳市科协“全国科技工作者日”');
  });
});
