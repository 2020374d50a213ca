import { describe, expect, it } from 'vitest';
import { bodyImageIds, withImageSources } from './body-images.ts';

const photo = '0190a2b4-0000-7000-8000-000000000001';
const chart = '0190a2b4-0000-7000-8000-000000000002';
const body = `<p>开幕式</p><img data-media-id="${photo}" alt="合影"><p>数据</p><img alt="图表" data-media-id="${chart}"><img data-media-id="${photo}" alt="再次">`;

describe('body images', () => {
  it('lists each library image of a saved body once, in order', () => {
    expect(bodyImageIds(body)).toEqual([photo, chart]);
  });

  it('puts the library URL back on every image with a known id and leaves the others', () => {
    const html = withImageSources(body, new Map([[photo, '/media/images/ab/abc/w960.jpg']]));
    expect(html).toBe(
      `<p>开幕式</p><img src="/media/images/ab/abc/w960.jpg" data-media-id="${photo}" alt="合影"><p>数据</p><img alt="图表" data-media-id="${chart}"><img src="/media/images/ab/abc/w960.jpg" data-media-id="${photo}" alt="再次">`,
    );
  });

  it('replaces a stale src rather than adding a second one', () => {
    expect(withImageSources(`<img src="/old.jpg" data-media-id="${photo}" alt="">`, new Map([[photo, '/new.jpg']]))).toBe(`<img src="/new.jpg" data-media-id="${photo}" alt="">`);
  });
});
