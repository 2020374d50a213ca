import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from './pasted-html.ts';

/** What Word (Windows, 2016 and later) puts on the clipboard, trimmed to the parts that matter. */
const wordDocument = (fragment: string) => `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta charset="utf-8"><meta name=Generator content="Microsoft Word 15">
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm; font-size:10.5pt;} --></style>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->
</head>
<body lang=ZH-CN style='tab-interval:21.0pt'>
<!--StartFragment-->${fragment}<!--EndFragment-->
</body></html>`;

const listParagraph = (level: number, marker: string, text: string) =>
  `<p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level${level} lfo1'><![if !supportLists]><span lang=EN-US style='mso-fareast-font-family:等线'><span style='mso-list:Ignore'>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]><span style='font-family:宋体'>${text}</span><o:p></o:p></p>`;

describe('cleanPastedHtml', () => {
  it('turns Word paragraphs into plain ones: no classes, no mso- styles, no <o:p>, no style sheet or comments', () => {
    const html = cleanPastedHtml(
      wordDocument(`<p class=MsoNormal><span style='font-family:宋体;mso-ascii-font-family:Calibri'>南阳市科协召开<b style='mso-bidi-font-weight:normal'>年度</b>工作会议<o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>`),
    );
    expect(html).toBe('<p>南阳市科协召开<b>年度</b>工作会议</p>');
  });

  it('keeps centred alignment but drops Word’s spacing and fonts', () => {
    expect(cleanPastedHtml(`<p class=MsoNormal align=center style='text-align:center;line-height:150%;mso-line-height-rule:exactly'>居中</p>`)).toBe(
      '<p style="text-align: center">居中</p>',
    );
  });

  it('maps headings to the levels the editor offers (H2–H4)', () => {
    expect(cleanPastedHtml(`<h1 style='mso-list:none'>一级</h1><h3 class=MsoHeading3>三级</h3><h6>六级</h6>`)).toBe('<h2>一级</h2><h3>三级</h3><h4>六级</h4>');
  });

  it('rebuilds Word’s numbered paragraphs as a real ordered list, without the typed-in numbers', () => {
    const html = cleanPastedHtml(wordDocument(`${listParagraph(1, '1.', '开展科普讲座')}\n${listParagraph(1, '2.', '举办科技培训')}`));
    expect(html).toBe('<ol><li><p>开展科普讲座</p></li><li><p>举办科技培训</p></li></ol>');
  });

  it('rebuilds bullets as an unordered list and nests a deeper level inside the item before it', () => {
    const html = cleanPastedHtml(`${listParagraph(1, '·', '科普活动')}${listParagraph(2, 'o', '进社区')}${listParagraph(2, 'o', '进校园')}${listParagraph(1, '·', '学术交流')}`);
    expect(html).toBe('<ul><li><p>科普活动</p><ul><li><p>进社区</p></li><li><p>进校园</p></li></ul></li><li><p>学术交流</p></li></ul>');
  });

  it('ends a list where an ordinary paragraph comes between list paragraphs', () => {
    const html = cleanPastedHtml(`${listParagraph(1, '一、', '甲')}<p class=MsoNormal>说明</p>${listParagraph(1, '一、', '乙')}`);
    expect(html).toBe('<ol><li><p>甲</p></li></ol><p>说明</p><ol><li><p>乙</p></li></ol>');
  });

  it('keeps a Word table’s rows, cells and spans but none of its layout attributes', () => {
    const html = cleanPastedHtml(
      `<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'><tr style='mso-yfti-irow:0'><td width=277 valign=top colspan=2 style='width:207.4pt;border:solid windowtext 1.0pt'><p class=MsoNormal>项目<o:p></o:p></p></td></tr></table>`,
    );
    expect(html).toBe('<table><tr><td colspan="2"><p>项目</p></td></tr></table>');
  });

  it('drops pictures that are not in the media library but keeps library images', () => {
    const libraryImage = '<img src="/media/images/ab/x/w960.webp" data-media-id="0190a2b4-0000-7000-8000-000000000001" alt="合影">';
    const html = cleanPastedHtml(`<p><img width=200 src="file:///C:/Users/a/clip_image002.jpg"><v:shape id="_x0000_i1025"><v:imagedata src="x.png"/></v:shape>${libraryImage}</p>`);
    expect(html).toBe(`<p>${libraryImage}</p>`);
  });

  it('keeps links with their address and nothing else', () => {
    expect(cleanPastedHtml(`<p><a href="https://www.cast.org.cn/" target=_blank style='color:blue'>中国科协</a></p>`)).toBe('<p><a href="https://www.cast.org.cn/">中国科协</a></p>');
  });
});
