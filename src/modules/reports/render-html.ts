import type { ReviewDocument, ReviewFigure, ReviewInline } from './review-document.ts';

export interface ReviewHtmlOptions {
  /** Start with the title as `<h1>` (a standalone page); an article's body leaves it to the article's own title. */
  title?: boolean;
  /**
   * Wrap each figure in `<span class="review-figure" data-indicator="…">` for
   * the console, where hovering a number shows its indicator and query. The
   * portal's article body keeps plain text, since its allow-list drops spans.
   */
  figureSpans?: boolean;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What the hover says about a figure: the indicator, the period and org, the narrowing. */
function figureTitle(figure: ReviewFigure): string {
  const { orgName, from, to, conditions } = figure.filters;
  return [figure.code, `${orgName} ${from}–${to}`, conditions].filter(Boolean).join(' · ');
}

function inlineHtml(content: readonly ReviewInline[], figureSpans: boolean): string {
  return content
    .map((inline) => {
      if (inline.kind === 'text' || !figureSpans) return escapeHtml(inline.text);
      const attributes = { class: 'review-figure', 'data-indicator': inline.code, 'data-value': String(inline.value), 'data-format': inline.format, title: figureTitle(inline) };
      return `<span ${Object.entries(attributes).map(([name, value]) => `${name}="${escapeHtml(value)}"`).join(' ')}>${escapeHtml(inline.text)}</span>`;
    })
    .join('');
}

/**
 * The review as an HTML fragment: headings as `<h2>`/`<h3>` (the page's `<h1>`
 * is the title), paragraphs as `<p>` — the tags the portal's article body keeps.
 */
export function reviewToHtml(review: ReviewDocument, options: ReviewHtmlOptions = {}): string {
  const figureSpans = options.figureSpans ?? false;
  const blocks = review.blocks.map((block) => {
    const html = inlineHtml(block.content, figureSpans);
    if (block.kind === 'paragraph') return `<p>${html}</p>`;
    const tag = `h${Math.max(block.level, 2)}`;
    return `<${tag}>${html}</${tag}>`;
  });
  return [...(options.title ? [`<h1>${escapeHtml(review.title)}</h1>`] : []), ...blocks].join('\n');
}
