import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, analyzeQuery, foldCase, locateTerms, maxQueryTerms, termFrequencies } from './search.analyzer.ts';

const terms = (text: string) => analyze(text).map((span) => span.term);

/** Text built from words, compounds, names, Latin, full-width letters, punctuation and emoji. */
const sampleText = fc
  .array(fc.constantFrom('科普', '活动', '南阳市', '科协', '中华人民共和国', '哈哈哈', '卧龙区', '张衡', '的', 'ＡＢ', 'COVID-19', 'v2.0', ' ', '，', '。', '😀', 'İ', '\n', 'x', '“', '（', '!', 'a.b', '—'), { maxLength: 30 })
  .map((parts) => parts.join(''));

describe('analyze', () => {
  it('splits Chinese into words, keeping numbers and the parts of long words', () => {
    expect(terms('南阳市科协2024年工作回顾')).toEqual(['南阳', '南阳市', '科协', '2024', '年', '工作', '回顾']);
  });

  it('indexes a compound and the words inside it, each where it stands', () => {
    expect(analyze('开展科普活动')).toEqual([
      { term: '开展', start: 0, end: 2, word: 0 },
      { term: '科普', start: 2, end: 4, word: 1 },
      { term: '活动', start: 4, end: 6, word: 1 },
      { term: '科普活动', start: 2, end: 6, word: 1 },
    ]);
  });

  it('places a repeated part at each of its places', () => {
    expect(analyze('哈哈哈').filter((span) => span.term === '哈哈').map((span) => span.start)).toEqual([0, 1]);
  });

  it('lower-cases and folds full-width letters, and keeps the parts of hyphenated Latin tokens', () => {
    expect(terms('ＣＯＶＩＤ-19 Vaccine')).toEqual(['covid', '19', 'covid-19', 'vaccine']);
    expect(terms('COVID-19')).toEqual(terms('covid-19'));
  });

  it('drops punctuation, whitespace and function words', () => {
    expect(terms('科协的科普工作，很好！ The end of it.')).toEqual(['科协', '科普', '工作', '很', '好', 'end']);
    expect(terms("' OR 1=1 -- %_\\")).toEqual(['1', '1']);
    expect(analyze('')).toEqual([]);
  });

  it('points every term at the characters it came from, whatever the text', () => {
    fc.assert(
      fc.property(sampleText, (sample) => {
        for (const span of analyze(sample)) expect(foldCase(sample.slice(span.start, span.end))).toBe(span.term);
      }),
    );
  });
});

describe('termFrequencies', () => {
  it('counts each term for the index', () => {
    expect(Object.fromEntries(termFrequencies('科普活动，科普讲座'))).toEqual({ 科普: 2, 活动: 1, 科普活动: 1, 讲座: 1 });
  });

  it('counts exactly the terms analyze places, so what is indexed is what gets marked', () => {
    fc.assert(
      fc.property(sampleText, (sample) => {
        const placed = new Map<string, number>();
        for (const { term } of analyze(sample)) placed.set(term, (placed.get(term) ?? 0) + 1);
        expect(termFrequencies(sample)).toEqual(placed);
      }),
      { numRuns: 300 },
    );
  });
});

describe('locateTerms', () => {
  it('finds the same words as segmenting the whole text, segmenting only the runs that may hold them', () => {
    fc.assert(
      fc.property(sampleText, fc.subarray(['科普', '活动', '南阳', '科协', '共和国', '哈哈', 'covid', '19', 'x']), (sample, wanted) => {
        const terms = new Set(wanted);
        const everywhere = analyze(sample).filter((span) => terms.has(span.term));
        expect(locateTerms(sample, terms).map(({ term, start, end }) => ({ term, start, end }))).toEqual(everywhere.map(({ term, start, end }) => ({ term, start, end })));
      }),
      { numRuns: 300 },
    );
  });
});

describe('foldCase', () => {
  it('keeps one character for one, so offsets stay true', () => {
    expect(foldCase('ＡＢＣ１２３\u3000İx')).toBe('abc123 İx');
  });
});

describe('analyzeQuery', () => {
  it('groups each word with its parts and reports the words', () => {
    expect(analyzeQuery('科普活动 南阳市')).toEqual({
      words: ['科普活动', '南阳市'],
      groups: [['科普', '活动', '科普活动'], ['南阳', '南阳市']],
      terms: ['科普', '活动', '科普活动', '南阳', '南阳市'],
    });
  });

  it('drops repeated words', () => {
    expect(analyzeQuery('科协 科协 科协').words).toEqual(['科协']);
  });

  it('caps a very long query at whole words within the term limit', () => {
    const query = Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ');
    const analyzed = analyzeQuery(query);
    expect(analyzed.terms.length).toBeLessThanOrEqual(maxQueryTerms);
    expect(analyzed.terms.length).toBeGreaterThan(maxQueryTerms - 5);
    expect(analyzed.groups.flat()).toEqual(analyzed.terms);
  });

  it('finds no words in an empty or punctuation-only query', () => {
    expect(analyzeQuery('  ，。！ ')).toEqual({ words: [], groups: [], terms: [] });
  });
});
