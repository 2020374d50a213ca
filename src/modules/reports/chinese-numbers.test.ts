import { describe, expect, it } from 'vitest';
import {
  figureFormatNames,
  formatFigure,
  formatNearly,
  formatOver,
  resolveFigureFormat,
  roundDown,
  roundFigure,
  roundUp,
  type FigureFormat,
} from './chinese-numbers.ts';

describe('Chinese figure formats', () => {
  // Each pair is a figure the seed review prints and a value it could have been made from.
  const seedPairs: [FigureFormat, number, string][] = [
    ['plain', 2758, '2758'],
    ['plain', 341495, '341495'],
    ['plain', 15164566, '15164566'],
    ['wan2', 335600, '33.56万'],
    ['wan1', 246000, '24.6万'],
    ['wan1', 208000, '20.8万'],
    ['over', 2260272, '超过200万'],
    ['over_short', 21560, '超2万'],
    ['nearly', 986400, '近100万'],
    ['more', 23, '20余'],
    ['more', 57, '50余'],
    ['more', 44, '40余'],
    ['more', 12, '10余'],
    ['more', 210, '200余'],
    ['more', 62, '60余'],
    ['more', 836, '800余'],
    ['wan_more', 183412, '18万余'],
    ['wan_more', 31250, '3万余'],
  ];
  it.each(seedPairs)('writes %s of %d as the seed does: %s', (format, value, text) => {
    expect(formatFigure(value, format)).toBe(text);
  });

  it('never qualifies a value that is itself round: exactly 2,000,000 is 200万, not 超过200万', () => {
    expect(formatOver(2_000_000)).toBe('200万');
    expect(formatFigure(200, 'more')).toBe('200');
    expect(formatNearly(1_000_000)).toBe('100万');
    expect(formatFigure(180_000, 'wan_more')).toBe('18万');
  });

  it('writes 近 only within 5% below the next round figure, otherwise 超过 the round figure under it', () => {
    expect(formatNearly(950_000)).toBe('近100万');
    expect(formatNearly(949_999)).toBe('超过90万');
    expect(formatNearly(810_000)).toBe('超过80万');
    expect(formatNearly(87)).toBe('近90');
  });

  it('leaves numbers under ten exact: there is no round figure below them to qualify', () => {
    expect(formatOver(7)).toBe('7');
    expect(formatFigure(0, 'more')).toBe('0');
    expect(formatFigure(0, 'nearly')).toBe('0');
  });

  it('writes 亿 for a round figure of a hundred million or more and 万 from ten thousand', () => {
    expect(roundFigure(300_000_000)).toBe('3亿');
    expect(roundFigure(10_000_000)).toBe('1000万');
    expect(roundFigure(20_000)).toBe('2万');
    expect(roundFigure(9_000)).toBe('9000');
    expect(formatOver(15_164_566)).toBe('超过1000万');
    expect(formatOver(234_567_890)).toBe('超过2亿');
  });

  it('finds round figures at exact powers of ten, where log10 is off by one ulp', () => {
    expect(roundDown(1000)).toBe(1000);
    expect(roundDown(999)).toBe(900);
    expect(roundUp(1000)).toBe(2000);
    expect(roundUp(999)).toBe(1000);
  });

  it('writes 万 with the decimals asked for and thousands with separators', () => {
    expect(formatFigure(246_000, 'wan2')).toBe('24.60万');
    expect(formatFigure(335_649, 'wan2')).toBe('33.56万');
    expect(formatFigure(335_650, 'wan0')).toBe('34万');
    expect(formatFigure(2_260_272, 'thousands')).toBe('2,260,272');
    expect(formatFigure(21_560.456, 'plain')).toBe('21560.46');
  });

  it('knows each format by its code and its Chinese name, and nothing else', () => {
    expect(resolveFigureFormat('超过')).toBe('over');
    expect(resolveFigureFormat('万2')).toBe('wan2');
    expect(resolveFigureFormat('wan_more')).toBe('wan_more');
    expect(resolveFigureFormat(' 余 ')).toBe('more');
    expect(resolveFigureFormat('约')).toBeUndefined();
    expect(figureFormatNames()).toContain('近');
  });
});
