import { describe, expect, it } from 'vitest';
import { normaliseLinkHref } from './link-href.ts';

describe('normaliseLinkHref', () => {
  it('keeps http, https and mailto addresses as typed', () => {
    expect(normaliseLinkHref(' https://www.cast.org.cn/col/index.html ')).toBe('https://www.cast.org.cn/col/index.html');
    expect(normaliseLinkHref('http://nykx.gov.cn')).toBe('http://nykx.gov.cn');
    expect(normaliseLinkHref('mailto:office@nykx.gov.cn')).toBe('mailto:office@nykx.gov.cn');
  });

  it('completes an address typed without its scheme, and an e-mail address', () => {
    expect(normaliseLinkHref('www.cast.org.cn')).toBe('https://www.cast.org.cn');
    expect(normaliseLinkHref('office@nykx.gov.cn')).toBe('mailto:office@nykx.gov.cn');
  });

  it('refuses other schemes and things that are not addresses', () => {
    expect(normaliseLinkHref('javascript:alert(1)')).toBeUndefined();
    expect(normaliseLinkHref('JavaScript:alert(1)')).toBeUndefined();
    expect(normaliseLinkHref('file:///C:/a.doc')).toBeUndefined();
    expect(normaliseLinkHref('data:text/html,x')).toBeUndefined();
    expect(normaliseLinkHref('科协 官网')).toBeUndefined();
    expect(normaliseLinkHref('')).toBeUndefined();
    expect(normaliseLinkHref('intranet')).toBeUndefined();
  });
});
