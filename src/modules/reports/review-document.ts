/**
 * A generated work review as structured text: headings and paragraphs whose
 * figures stay bound to the indicator and query that produced them. Every
 * output (Markdown, Word, PDF, the console editor, the portal article) is a
 * rendering of this one shape, so a figure is traceable wherever it appears.
 */
import type { IndicatorQueryFilters, IndicatorRequest } from '../stats/indicator.types.ts';

export interface ReviewDocument {
  title: string;
  /** The year and org the figures were computed for. */
  year: number;
  orgId: string;
  blocks: ReviewBlock[];
}

export type ReviewBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; content: ReviewInline[] }
  | { kind: 'paragraph'; content: ReviewInline[] };

export type ReviewInline =
  | { kind: 'text'; text: string }
  | ReviewFigure;

/** A number in the prose: `text` is how it reads (24.6万, 超过200万, 341495), `value` what was computed. */
export interface ReviewFigure {
  kind: 'figure';
  code: string;
  value: number;
  text: string;
  /** The formatting helper used, e.g. `wan1`, `over`, `plain`, so the text can be re-made when the value changes. */
  format: string;
  filters: IndicatorQueryFilters;
  /** The narrowing the figure was asked with (类型 = 报告会 …), so its value can be computed again. */
  where?: IndicatorRequest['where'];
}
