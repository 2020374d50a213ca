/**
 * How a computed figure reads in Chinese report prose: exact (341495), in 万
 * with a fixed number of decimals (33.56万), or as a round lead figure with a
 * qualifier — 超过200万, 超2万, 近100万, 200余, 18万余. Every qualified form is
 * true of the value it was made from: 超过/余 name a round number strictly
 * below it, 近 one just above it; a value that is itself round is written
 * without a qualifier, since "超过200万" would be false of exactly 2,000,000.
 */

/** The names the template and ReviewFigure.format use for each helper, with the Chinese words staff write. */
export const figureFormats = {
  plain: { aliases: ['精确', '原数'], format: formatExact },
  thousands: { aliases: ['千分位'], format: formatThousands },
  wan0: { aliases: ['万', '万0'], format: (value: number) => formatWan(value, 0) },
  wan1: { aliases: ['万1'], format: (value: number) => formatWan(value, 1) },
  wan2: { aliases: ['万2'], format: (value: number) => formatWan(value, 2) },
  wan3: { aliases: ['万3'], format: (value: number) => formatWan(value, 3) },
  wan4: { aliases: ['万4'], format: (value: number) => formatWan(value, 4) },
  over: { aliases: ['超过'], format: (value: number) => formatOver(value, '超过') },
  over_short: { aliases: ['超'], format: (value: number) => formatOver(value, '超') },
  nearly: { aliases: ['近'], format: formatNearly },
  more: { aliases: ['余'], format: formatMore },
  wan_more: { aliases: ['万余'], format: formatWanMore },
} as const satisfies Record<string, { aliases: readonly string[]; format: (value: number) => string }>;

export type FigureFormat = keyof typeof figureFormats;

export const defaultFigureFormat: FigureFormat = 'plain';

const formatByName = new Map<string, FigureFormat>(
  (Object.keys(figureFormats) as FigureFormat[]).flatMap((code) => [[code, code] as const, ...figureFormats[code].aliases.map((alias) => [alias, code] as const)]),
);

/** The format a template names, by its code (`wan2`) or its Chinese name (`万2`); undefined when there is none. */
export function resolveFigureFormat(name: string): FigureFormat | undefined {
  return formatByName.get(name.trim());
}

/** Every name a template may use, for error messages and the docs. */
export function figureFormatNames(): string[] {
  return (Object.keys(figureFormats) as FigureFormat[]).flatMap((code) => [...figureFormats[code].aliases, code]);
}

export function formatFigure(value: number, format: FigureFormat): string {
  return figureFormats[format].format(value);
}

/** 2758, 341495; a fractional sum (kilometres) keeps at most two decimals. */
export function formatExact(value: number): string {
  return String(Number(value.toFixed(2)));
}

/** 2,260,272: digit groups of three, as tables print them. */
export function formatThousands(value: number): string {
  return new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(value);
}

/** 33.56万 (decimals 2), 24.6万 (decimals 1): rounded to the nearest, always with the decimals asked for. */
export function formatWan(value: number, decimals: number): string {
  return `${(value / 10_000).toFixed(decimals)}万`;
}

/** The power of ten of a positive number's leading digit: 3 for 2758. */
function magnitudeOf(value: number): number {
  let exponent = Math.floor(Math.log10(value));
  // log10 is off by one ulp at some exact powers of ten (log10(1000) < 3).
  if (10 ** (exponent + 1) <= value) exponent += 1;
  if (10 ** exponent > value) exponent -= 1;
  return exponent;
}

/** The largest number with one significant digit not above `value`: 2,260,272 → 2,000,000; 62 → 60. */
export function roundDown(value: number): number {
  const unit = 10 ** magnitudeOf(value);
  return Math.floor(value / unit) * unit;
}

/** The smallest number with one significant digit above `value`: 986,400 → 1,000,000; 81 → 90. */
export function roundUp(value: number): number {
  const unit = 10 ** magnitudeOf(value);
  return (Math.floor(value / unit) + 1) * unit;
}

/** A whole number as Chinese prose writes a round figure: 200万, 2万, 1500万, 3亿, 300. */
export function roundFigure(value: number): string {
  if (value >= 100_000_000 && value % 100_000_000 === 0) return `${value / 100_000_000}亿`;
  if (value >= 10_000 && value % 10_000 === 0) return `${value / 10_000}万`;
  return String(value);
}

/** True when `value` is a whole number with one significant digit (or below ten): it needs no qualifier. */
const isRound = (value: number) => Number.isInteger(value) && (value < 10 || roundDown(value) === value);

/** A value no qualifier fits: a round one as round figures read (200万), any other exactly. */
const unqualified = (value: number) => (isRound(value) ? roundFigure(value) : formatExact(value));

/** 超过200万 from 2,260,272; 超2万 from 21,560; a round value as it is. */
export function formatOver(value: number, word: '超过' | '超' = '超过'): string {
  if (value < 10 || isRound(value)) return unqualified(value);
  return `${word}${roundFigure(roundDown(value))}`;
}

/**
 * How far below a round figure a value may be and still be "近" it: 98.6万 is
 * 近100万, 81万 is not 近90万. Further below, the figure reads as 超过 the round
 * number under it, which stays true and fits the same sentences (接待…近/超过N人次).
 */
export const nearlyWithin = 0.05;

/** 近100万 from 986,400; beyond 5% below the next round figure, 超过 the one under it. */
export function formatNearly(value: number): string {
  if (value < 10 || isRound(value)) return unqualified(value);
  const above = roundUp(value);
  return value >= above * (1 - nearlyWithin) ? `近${roundFigure(above)}` : formatOver(value);
}

/** 200余 from 210, 60余 from 62, 2万余 from 21,560: the round figure below, then 余. */
export function formatMore(value: number): string {
  if (value < 10 || isRound(value)) return unqualified(value);
  return `${roundFigure(roundDown(value))}余`;
}

/** 18万余 from 180,312, 3万余 from 31,200: whole 万s, then 余; under 一万 as 余 does. */
export function formatWanMore(value: number): string {
  const wan = Math.floor(value / 10_000);
  if (wan < 1) return formatMore(value);
  return wan * 10_000 === value ? `${wan}万` : `${wan}万余`;
}
