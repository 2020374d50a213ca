/**
 * The review template language: Chinese prose in Markdown-like blocks whose
 * figures are placeholders bound to indicator codes.
 *
 *     # {{org.name}}{{year}}年工作回顾
 *     ## 开拓创新
 *     开展{{activities.count}}项科普活动，受益人次{{activities.participants | 超过}}。
 *     召开科学家精神报告会{{activities.count series=科学家精神 type=讲座/报告会}}场。
 *
 * A placeholder is `{{code name=value,value … | format}}`: an indicator code,
 * optional narrowings by dimension (English code or Chinese name: type/类型,
 * campaign/主题 …; several labels with commas or 、, a label that holds one in
 * quotes: series="大练兵、大比武"), and optionally a number
 * format from chinese-numbers.ts (超过, 万2 …). `{{year}}`, `{{next_year}}`
 * and `{{org.name}}` are the review's year and org. The first line is the
 * title (`# …`); `##` and `###` are headings; blank lines separate
 * paragraphs; a whole-line `<!-- … -->` is a note for the template's authors.
 *
 * Parsing checks everything against the registered indicators and reports
 * every problem at once, each with its line and placeholder, so an author
 * fixes the template in one pass.
 */
import { AppError, type ErrorDetail } from '../../platform/errors.ts';
import { translate, type Locale } from '../../platform/i18n/catalogue.ts';
import { dimensionCodes, type DimensionCode, type IndicatorInfo, type IndicatorRequest, type IndicatorValue } from '../stats/indicator.types.ts';
import { defaultFigureFormat, figureFormatNames, formatFigure, resolveFigureFormat, type FigureFormat } from './chinese-numbers.ts';
import type { ReviewDocument, ReviewInline } from './review-document.ts';
import './template.messages.ts';

/** The review's own facts a template can name besides indicators. */
export const templateVariables = ['year', 'next_year', 'org.name'] as const;
export type TemplateVariable = (typeof templateVariables)[number];

/** Chinese names staff may write for each dimension. */
const dimensionAliases: Readonly<Record<string, DimensionCode>> = {
  县区: 'county',
  月份: 'month',
  组织: 'org',
  类型: 'type',
  主题: 'campaign',
  主题活动: 'campaign',
  系列: 'series',
  场馆: 'venue',
  地点: 'venue',
  类别: 'kind',
};

export interface TemplateFigure {
  kind: 'figure';
  request: IndicatorRequest;
  format: FigureFormat;
  /** The placeholder as written, for messages. */
  source: string;
}

export type TemplatePiece = { kind: 'text'; text: string } | { kind: 'variable'; name: TemplateVariable } | TemplateFigure;

export interface TemplateBlock {
  kind: 'heading' | 'paragraph';
  /** For headings: 1–3, the number of #. */
  level?: 1 | 2 | 3;
  pieces: TemplatePiece[];
}

export interface ParsedTemplate {
  title: TemplatePiece[];
  blocks: TemplateBlock[];
}

interface Problem {
  line: number;
  placeholder?: string;
  key: string;
  params?: Record<string, unknown>;
}

/**
 * Reads a template against the indicators that exist; throws
 * REPORT_TEMPLATE_INVALID listing every problem (in `locale`) when any is found.
 */
export function parseTemplate(source: string, indicators: readonly IndicatorInfo[], locale: Locale): ParsedTemplate {
  const byCode = new Map(indicators.map((info) => [info.code, info]));
  const problems: Problem[] = [];
  const title: TemplatePiece[] = [];
  const blocks: TemplateBlock[] = [];
  let paragraph: { pieces: TemplatePiece[]; lastLine: string } | undefined;
  let sawContent = false;

  const closeParagraph = () => {
    if (paragraph) blocks.push({ kind: 'paragraph', pieces: mergeText(paragraph.pieces) });
    paragraph = undefined;
  };

  source.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (text === '' || /^<!--.*-->$/.test(text)) {
      if (text === '') closeParagraph();
      return;
    }
    const heading = /^(#+)\s+(.*)$/.exec(text);
    const pieces = (content: string) => parseLine(content, line, byCode, problems);
    if (!sawContent) {
      sawContent = true;
      if (heading?.[1] === '#') {
        title.push(...pieces(heading[2]!));
        return;
      }
      problems.push({ line, key: 'report.template.missingTitle' });
    }
    if (heading) {
      closeParagraph();
      const depth = heading[1]!.length;
      if (depth > 3) problems.push({ line, key: 'report.template.headingTooDeep', params: { depth } });
      else blocks.push({ kind: 'heading', level: depth as 1 | 2 | 3, pieces: mergeText(pieces(heading[2]!)) });
      return;
    }
    // A paragraph's lines join without a space, as Chinese prose does; Latin words keep one.
    const joiner = paragraph && /[\w,.;:!?)]$/.test(paragraph.lastLine) && /^[\w(]/.test(text) ? ' ' : '';
    paragraph ??= { pieces: [], lastLine: '' };
    if (joiner) paragraph.pieces.push({ kind: 'text', text: joiner });
    paragraph.pieces.push(...pieces(text));
    paragraph.lastLine = text;
  });
  closeParagraph();
  if (!sawContent) problems.push({ line: 1, key: 'report.template.missingTitle' });

  if (problems.length > 0) throw templateError(problems, locale);
  return { title: mergeText(title), blocks };
}

/** Every figure request of a parsed template, in reading order (duplicates included). */
export function templateFigures(template: ParsedTemplate): TemplateFigure[] {
  return [template.title, ...template.blocks.map((block) => block.pieces)].flat().filter((piece): piece is TemplateFigure => piece.kind === 'figure');
}

/**
 * One key per distinct figure: the same code with the same narrowing (in any
 * order) is computed once however often the prose names it.
 */
export function requestKey(request: IndicatorRequest): string {
  const where = Object.entries(request.where ?? {})
    .map(([dimension, values]) => `${dimension}=${[values].flat().toSorted().join(',')}`)
    .toSorted();
  return [request.code, ...where].join(' ');
}

/** The review's own facts that `{{year}}`, `{{next_year}}` and `{{org.name}}` stand for. */
export interface TemplateFacts {
  year: number;
  orgId: string;
  orgName: string;
}

/**
 * The review a parsed template reads as, given each figure's computed value
 * (looked up by requestKey). Figures keep their code, narrowing, format and
 * query filters, so every number stays traceable to the records behind it.
 */
export function fillTemplate(template: ParsedTemplate, values: ReadonlyMap<string, IndicatorValue>, facts: TemplateFacts): ReviewDocument {
  const variables: Record<TemplateVariable, string> = { year: String(facts.year), next_year: String(facts.year + 1), 'org.name': facts.orgName };
  const inlines = (pieces: readonly TemplatePiece[]): ReviewInline[] =>
    mergeText(
      pieces.map((piece): ReviewInline => {
        if (piece.kind === 'text') return piece;
        if (piece.kind === 'variable') return { kind: 'text', text: variables[piece.name] };
        const computed = values.get(requestKey(piece.request));
        if (!computed) throw new Error(`no value was computed for ${piece.source}`);
        return {
          kind: 'figure',
          code: piece.request.code,
          value: computed.value,
          text: formatFigure(computed.value, piece.format),
          format: piece.format,
          filters: computed.filters,
          ...(piece.request.where ? { where: piece.request.where } : {}),
        };
      }),
    );
  return {
    title: inlines(template.title)
      .map((inline) => inline.text)
      .join(''),
    year: facts.year,
    orgId: facts.orgId,
    blocks: template.blocks.map((block) => (block.kind === 'heading' ? { kind: 'heading', level: block.level!, content: inlines(block.pieces) } : { kind: 'paragraph', content: inlines(block.pieces) })),
  };
}

/** Adjacent text pieces as one, so a paragraph is text, figure, text … */
function mergeText<T extends { kind: string; text?: string }>(items: readonly T[]): T[] {
  const merged: T[] = [];
  for (const item of items) {
    const last = merged.at(-1);
    if (item.kind === 'text' && last?.kind === 'text') merged[merged.length - 1] = { ...last, text: `${last.text}${item.text}` };
    else merged.push(item);
  }
  return merged;
}

/** One line's prose and placeholders. */
function parseLine(content: string, line: number, byCode: ReadonlyMap<string, IndicatorInfo>, problems: Problem[]): TemplatePiece[] {
  const pieces: TemplatePiece[] = [];
  let rest = content;
  for (let open = rest.indexOf('{{'); open !== -1; open = rest.indexOf('{{')) {
    if (open > 0) pieces.push({ kind: 'text', text: rest.slice(0, open) });
    const close = rest.indexOf('}}', open + 2);
    if (close === -1) {
      problems.push({ line, placeholder: rest.slice(open), key: 'report.template.unclosed' });
      return pieces;
    }
    const placeholder = rest.slice(open, close + 2);
    const piece = parsePlaceholder(placeholder, line, byCode, problems);
    if (piece) pieces.push(piece);
    rest = rest.slice(close + 2);
  }
  if (rest) pieces.push({ kind: 'text', text: rest });
  return pieces;
}

/** Full-width punctuation staff type in Chinese input mode reads as its ASCII twin. */
const normalizePunctuation = (text: string) => text.replace(/｜/g, '|').replace(/＝/g, '=').replace(/\u3000/g, ' ');

/** `a,b，c、d` is four labels; a quoted value ("大练兵、大比武") is one label as written. */
function labelsOf(valueList: string): string[] {
  const quoted = /^"(.*)"$/.exec(valueList);
  const labels = quoted ? [quoted[1]!] : valueList.split(/[,，、]/);
  return labels.map((label) => label.trim()).filter(Boolean);
}

function parsePlaceholder(placeholder: string, line: number, byCode: ReadonlyMap<string, IndicatorInfo>, problems: Problem[]): TemplatePiece | undefined {
  const problem = (key: string, params?: Record<string, unknown>) => void problems.push({ line, placeholder, key, params });
  const [body = '', formatName, ...extra] = normalizePunctuation(placeholder.slice(2, -2)).split('|');
  const [code, ...narrowings] = tokens(body);
  if (!code) return problem('report.template.empty');
  if (extra.length > 0) problem('report.template.twoFormats');

  if ((templateVariables as readonly string[]).includes(code)) {
    if (narrowings.length > 0 || formatName !== undefined) problem('report.template.variableTakesNothing', { name: code });
    return { kind: 'variable', name: code as TemplateVariable };
  }

  const info = byCode.get(code);
  if (!info) problem('report.template.unknownIndicator', { code });
  let format: FigureFormat = defaultFigureFormat;
  if (formatName !== undefined) {
    const resolved = resolveFigureFormat(formatName);
    if (resolved) format = resolved;
    else problem('report.template.unknownFormat', { format: formatName.trim(), formats: figureFormatNames().join('、') });
  }

  const where: Partial<Record<DimensionCode, string[]>> = {};
  for (const narrowing of narrowings) {
    const match = /^([^=]+)=(.*)$/.exec(narrowing);
    if (!match) {
      problem('report.template.badNarrowing', { text: narrowing });
      continue;
    }
    const [, name = '', valueList = ''] = match;
    const dimension = (dimensionCodes as readonly string[]).includes(name) ? (name as DimensionCode) : dimensionAliases[name];
    const values = labelsOf(valueList);
    if (!dimension) problem('report.template.unknownDimension', { dimension: name, dimensions: dimensionNames(dimensionCodes) });
    else if (info && !info.dimensions.includes(dimension)) problem('report.template.dimensionNotOnIndicator', { code, dimension: name, dimensions: dimensionNames(info.dimensions) });
    else if (where[dimension]) problem('report.template.repeatedDimension', { dimension: name });
    else if (values.length === 0) problem('report.template.emptyValue', { dimension: name });
    else where[dimension] = values;
  }
  const request: IndicatorRequest = Object.keys(where).length > 0 ? { code, where } : { code };
  return { kind: 'figure', request, format, source: placeholder };
}

/** Splits on spaces, keeping a quoted value ("…") whole. */
function tokens(body: string): string[] {
  return [...body.matchAll(/[^\s"]*"[^"]*"|\S+/g)].map((match) => match[0]);
}

/** type(类型)、campaign(主题) … for messages. */
function dimensionNames(dimensions: readonly DimensionCode[]): string {
  const chinese = (dimension: DimensionCode) => Object.keys(dimensionAliases).find((alias) => dimensionAliases[alias] === dimension);
  return dimensions.map((dimension) => `${dimension}(${chinese(dimension)})`).join('、');
}

function templateError(problems: Problem[], locale: Locale): AppError {
  const details: ErrorDetail[] = problems.map(({ line, placeholder, key, params }) => {
    const problem = translate(locale, key, params);
    return {
      path: 'template',
      row: line,
      ...(placeholder ? { column: placeholder } : {}),
      code: key.replace('report.template.', ''),
      message: placeholder ? translate(locale, 'report.template.where', { line, placeholder, problem }) : translate(locale, 'report.template.atLine', { line, problem }),
    };
  });
  return new AppError('REPORT_TEMPLATE_INVALID', 400, { params: { problemCount: problems.length }, details });
}
