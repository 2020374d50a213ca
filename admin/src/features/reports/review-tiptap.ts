import type { JSONContent } from '@tiptap/core';
import type { ReviewBlock, ReviewDocument, ReviewFigure, ReviewInline } from '../../../../src/modules/reports/review-document.ts';

/**
 * A ReviewDocument and the editor's TipTap JSON, both ways. Headings and
 * paragraphs map to their nodes, text to text, and a figure to an inline atom
 * carrying the whole figure, so an edit can move or delete a figure but the
 * figure that comes back is exactly the one the server computed.
 */

export const figureNodeName = 'reviewFigure';

function inlineToTiptap(inline: ReviewInline): JSONContent[] {
  if (inline.kind === 'figure') return [{ type: figureNodeName, attrs: { figure: inline } }];
  // ProseMirror refuses empty text nodes.
  return inline.text === '' ? [] : [{ type: 'text', text: inline.text }];
}

export function reviewToTiptap(document: ReviewDocument): JSONContent {
  return {
    type: 'doc',
    content: document.blocks.map((block) => ({
      type: block.kind,
      ...(block.kind === 'heading' ? { attrs: { level: block.level } } : {}),
      content: block.content.flatMap(inlineToTiptap),
    })),
  };
}

/** Text after text (a split, then a join) becomes one text inline, as the generator writes it. */
function inlinesOf(nodes: JSONContent[] = []): ReviewInline[] {
  const inlines: ReviewInline[] = [];
  for (const node of nodes) {
    if (node.type === figureNodeName) inlines.push(node.attrs?.figure as ReviewFigure);
    else if (node.type === 'text' && node.text) {
      const last = inlines.at(-1);
      if (last?.kind === 'text') last.text += node.text;
      else inlines.push({ kind: 'text', text: node.text });
    }
  }
  return inlines;
}

const headingLevel = (level: unknown): 1 | 2 | 3 => (level === 1 || level === 2 || level === 3 ? level : 3);

/** The editor's content back as a document of the same title, year and org; empty paragraphs are dropped. */
export function tiptapToReview(json: JSONContent, base: Pick<ReviewDocument, 'title' | 'year' | 'orgId'>): ReviewDocument {
  const blocks: ReviewBlock[] = [];
  for (const node of json.content ?? []) {
    const content = inlinesOf(node.content);
    if (content.length === 0) continue;
    if (node.type === 'heading') blocks.push({ kind: 'heading', level: headingLevel(node.attrs?.level), content });
    else blocks.push({ kind: 'paragraph', content });
  }
  return { title: base.title, year: base.year, orgId: base.orgId, blocks };
}
