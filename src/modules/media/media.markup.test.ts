import { describe, expect, it } from 'vitest';
import { attachmentDisposition, cleanFileName } from './file-names.ts';
import { plannedWidths } from './image-variants.ts';
import { imageMarkup } from './media.markup.ts';
import type { MediaItem } from './media.schemas.ts';

const sha = 'ab'.padEnd(64, 'c');
const photo: MediaItem = {
  id: '0190a1b2-0000-7000-8000-000000000001',
  orgId: 'org',
  kind: 'image',
  originalName: 'photo.jpg',
  mimeType: 'image/jpeg',
  bytes: 1000,
  width: 2000,
  height: 1000,
  alt: '嘉宾 & "主持人" <合影>',
  url: `/media/images/ab/${sha}/original.jpg`,
  createdAt: '2026-11-28T00:00:00.000Z',
};

describe('image markup', () => {
  it('offers WebP variants in a <source> and the JPEG variants in the <img>, the largest as src', () => {
    const base = `/media/images/ab/${sha}/`;
    expect(imageMarkup(photo)).toBe(
      `<picture><source type="image/webp" srcset="${base}w480.webp 480w, ${base}w960.webp 960w, ${base}w1600.webp 1600w" sizes="(max-width: 960px) 100vw, 960px">` +
        `<img src="${base}w1600.jpg" srcset="${base}w480.jpg 480w, ${base}w960.jpg 960w, ${base}w1600.jpg 1600w" sizes="(max-width: 960px) 100vw, 960px" ` +
        `width="1600" height="800" alt="嘉宾 &amp; &quot;主持人&quot; &lt;合影&gt;" loading="lazy" decoding="async"></picture>`,
    );
  });

  it('escapes every option and needs no <source> for a WebP original', () => {
    const html = imageMarkup({ ...photo, mimeType: 'image/webp', width: 300, height: 300, url: `/media/images/ab/${sha}/original.webp` }, {
      alt: `"><script>`,
      sizes: '100vw" onload="x',
      className: 'a" b',
      loading: 'eager',
    });
    expect(html).not.toContain('<source');
    expect(html).not.toContain('<script>');
    expect(html).toContain('alt="&quot;&gt;&lt;script&gt;"');
    expect(html).toContain('sizes="100vw&quot; onload=&quot;x"');
    expect(html).toContain('class="a&quot; b" loading="eager"');
    expect(html).toContain(`srcset="/media/images/ab/${sha}/w300.webp 300w"`);
  });

  it('plans no width above the image’s own', () => {
    expect(plannedWidths(3000)).toEqual([480, 960, 1600]);
    expect(plannedWidths(960)).toEqual([480, 960]);
    expect(plannedWidths(1000)).toEqual([480, 960, 1000]);
    expect(plannedWidths(120)).toEqual([120]);
  });
});

describe('download names', () => {
  it('keeps a Chinese name in filename* and gives old clients an ASCII fallback', () => {
    expect(attachmentDisposition('南阳市科协2024年工作总结.docx')).toBe(
      `attachment; filename="2024.docx"; filename*=UTF-8''${encodeURIComponent('南阳市科协2024年工作总结.docx')}`,
    );
    expect(attachmentDisposition('通知.pdf')).toBe(`attachment; filename="download.pdf"; filename*=UTF-8''${encodeURIComponent('通知.pdf')}`);
    expect(attachmentDisposition("it's (final)*.pdf")).toContain("filename*=UTF-8''it%27s%20%28final%29_.pdf");
  });

  it('reduces an uploaded name to its last segment without control or path characters', () => {
    expect(cleanFileName('C:\\Users\\张三\\桌面\\报名表.xlsx')).toBe('报名表.xlsx');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\r\nc<d>.pdf')).toBe('a_b_c_d_.pdf');
    expect(cleanFileName('...hidden.pdf')).toBe('hidden.pdf');
    const long = cleanFileName(`${'长'.repeat(300)}.pdf`);
    expect([...long]).toHaveLength(150);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});
