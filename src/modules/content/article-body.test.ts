import { describe, expect, it } from 'vitest';
import { bodyImageIds, bodyText, renderBody, sanitizeBody, summarize } from './article-body.ts';

const imageId = '0193a0b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b';

describe('article bodies', () => {
  it('drops scripts, event handlers, javascript: links and style blocks but keeps the text around them', () => {
    const body = sanitizeBody(
      '<p onclick="x()">开头<script>alert(1)</script></p><style>p{color:red}</style><a href="javascript:alert(2)">链接</a>' +
        `<img src="x" onerror="alert(3)" data-media-id="${imageId}" alt="图"><iframe src="https://evil"></iframe><p>结尾</p>`,
    );
    expect(body).not.toMatch(/script|onclick|onerror|javascript|style|iframe|color:red|alert/i);
    expect(body).toContain('开头');
    expect(body).toContain('结尾');
    expect(body).toContain(`<img data-media-id="${imageId}" alt="图" />`);
    expect(body).toContain('链接');
  });

  it('cleans paste from Word: classes, mso styles, o:p tags, spans, fonts and empty paragraphs go; alignment stays', () => {
    const word =
      '<p class="MsoNormal" style="text-align:center;mso-line-height-rule:exactly"><span lang="EN-US" style="font-family:宋体">标题</span><o:p></o:p></p>' +
      '<p class="MsoNormal"><o:p>&nbsp;</o:p></p><!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->' +
      '<p><font face="仿宋"><b>加粗</b></font></p><table class="MsoTableGrid" border="1"><tr><td width="100" style="border:solid">单元格</td></tr></table>';
    const body = sanitizeBody(word);
    expect(body).toBe('<p style="text-align:center">标题</p><p><strong>加粗</strong></p><table><tr><td>单元格</td></tr></table>');
  });

  it('keeps headings, lists, tables and links an editor makes, marking outside links noopener', () => {
    const body = sanitizeBody('<h1>一</h1><h3>二</h3><ul><li>甲</li></ul><table><thead><tr><th colspan="2">表头</th></tr></thead></table><a href="https://www.cast.org.cn">中国科协</a><a href="/columns/kepu">科普之家</a>');
    expect(body).toBe('<h2>一</h2><h3>二</h3><ul><li>甲</li></ul><table><thead><tr><th colspan="2">表头</th></tr></thead></table><a href="https://www.cast.org.cn" rel="noopener noreferrer">中国科协</a><a href="/columns/kepu">科普之家</a>');
  });

  it('drops images that are not in the media library', () => {
    expect(sanitizeBody('<p>前<img src="file:///C:/Users/x/image001.png">后</p><img src="https://example.com/a.png">')).toBe('<p>前后</p>');
  });

  it('lists image ids and renders them through the media markup, dropping missing ones', () => {
    const other = '0193a0b2-7c4d-7e8f-9a0b-000000000000';
    const body = sanitizeBody(`<p><img data-media-id="${imageId}" alt="会场 &amp; 嘉宾"></p><p><img data-media-id="${other}"></p>`);
    expect(bodyImageIds(body)).toEqual([imageId, other]);
    const rendered = renderBody(body, (id, alt) => (id === imageId ? `<picture data-alt="${alt}"></picture>` : undefined));
    expect(rendered).toBe('<p><picture data-alt="会场 & 嘉宾"></picture></p><p></p>');
  });

  it('turns a body into text with blocks on their own lines and entities decoded', () => {
    expect(bodyText('<h2>标题</h2><p>第一段&amp;内容</p><table><tr><td>甲</td><td>乙</td></tr></table><p>末段</p>')).toBe('标题\n第一段&内容\n甲 乙\n末段');
  });

  it('summarises at a sentence end when one is near the limit', () => {
    const text = `${'科'.repeat(90)}。${'普'.repeat(60)}`;
    expect(summarize(text, 120)).toBe(`${'科'.repeat(90)}。`);
    expect(summarize('短文本')).toBe('短文本');
    expect(summarize('字'.repeat(200), 10)).toBe(`${'字'.repeat(10)}…`);
  });
});
