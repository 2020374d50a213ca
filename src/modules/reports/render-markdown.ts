import type { ReviewDocument, ReviewInline } from './review-document.ts';

/** Characters Markdown would read as formatting inside prose. */
const markdownSpecial = /[\\`*_[\]<>]/g;

function inlineMarkdown(content: readonly ReviewInline[]): string {
  return content
    .map((inline) => inline.text.replace(markdownSpecial, '\\$&'))
    .join('')
    // A paragraph starting with #, "- " or "1." would turn into a heading or a list (> is escaped above).
    .replace(/^(#|[-+](?=\s))/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** The review as Markdown: `#` title, `##`/`###` headings, one paragraph per block; figures as they read. */
export function reviewToMarkdown(review: ReviewDocument): string {
  const blocks = review.blocks.map((block) => (block.kind === 'heading' ? `${'#'.repeat(block.level)} ${inlineMarkdown(block.content)}` : inlineMarkdown(block.content)));
  return `${[`# ${inlineMarkdown([{ kind: 'text', text: review.title }])}`, ...blocks].join('\n\n')}\n`;
}
