import { describe, expect, it } from 'vitest';
import { defineMessages, negotiateLocale, translate } from './catalogue.ts';

describe('message catalogue', () => {
  defineMessages({
    'zh-CN': { TEST_GREETING: '{name}，您好', TEST_ONLY_CHINESE: '只有中文' },
    'en-US': { TEST_GREETING: 'Hello, {name}', TEST_ONLY_CHINESE: '' },
  });

  it('fills placeholders in the requested language', () => {
    expect(translate('zh-CN', 'TEST_GREETING', { name: '张迪' })).toBe('张迪，您好');
    expect(translate('en-US', 'TEST_GREETING', { name: 'Zhang Di' })).toBe('Hello, Zhang Di');
  });

  it('falls back to the key for text that is not in the catalogue', () => {
    expect(translate('en-US', '已经是中文的说明')).toBe('已经是中文的说明');
  });

  it('refuses to define one key twice with different text', () => {
    expect(() => defineMessages({ 'zh-CN': { TEST_GREETING: '不同' }, 'en-US': { TEST_GREETING: 'different' } })).toThrow(/defined twice/);
  });

  it('picks the reader language from Accept-Language, Chinese first', () => {
    expect(negotiateLocale(undefined)).toBe('zh-CN');
    expect(negotiateLocale('en-GB,en;q=0.9')).toBe('en-US');
    expect(negotiateLocale('fr-FR, en;q=0.5, zh-TW;q=0.8')).toBe('zh-CN');
    expect(negotiateLocale('de-DE')).toBe('zh-CN');
  });
});
