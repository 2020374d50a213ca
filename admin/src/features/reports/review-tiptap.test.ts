import { describe, expect, it } from 'vitest';
import type { ReviewDocument, ReviewFigure } from '../../../../src/modules/reports/review-document.ts';
import { figureNodeName, reviewToTiptap, tiptapToReview } from './review-tiptap.ts';

const figure: ReviewFigure = {
  kind: 'figure',
  code: 'activities.count',
  value: 2758,
  text: '2758',
  format: 'plain',
  filters: { orgId: 'org-1', orgName: '南阳市科协', from: '2024-01-01', to: '2024-12-31', verifiedOnly: true, conditions: '' },
};
const document: ReviewDocument = {
  title: '南阳市科协2024年工作回顾',
  year: 2024,
  orgId: 'org-1',
  blocks: [
    { kind: 'heading', level: 2, content: [{ kind: 'text', text: '一、思想引领' }] },
    { kind: 'paragraph', content: [{ kind: 'text', text: '全年开展科普活动' }, figure, { kind: 'text', text: '项。' }] },
  ],
};

describe('the review editor’s document conversion', () => {
  it('gives back the same document after a round trip through the editor', () => {
    expect(tiptapToReview(reviewToTiptap(document), document)).toEqual(document);
  });

  it('keeps a figure whole as an atom, and joins the text an edit split around it', () => {
    const json = reviewToTiptap(document);
    const paragraph = json.content![1]!;
    expect(paragraph.content![1]).toEqual({ type: figureNodeName, attrs: { figure } });
    paragraph.content = [{ type: 'text', text: '全年' }, { type: 'text', text: '共开展' }, ...paragraph.content!.slice(1)];
    expect(tiptapToReview(json, document).blocks[1]!.content).toEqual([{ kind: 'text', text: '全年共开展' }, figure, { kind: 'text', text: '项。' }]);
  });

  it('drops paragraphs an edit emptied and never sends an empty text', () => {
    const json = reviewToTiptap(document);
    json.content!.push({ type: 'paragraph' }, { type: 'paragraph', content: [] });
    expect(tiptapToReview(json, document).blocks).toHaveLength(2);
    expect(reviewToTiptap({ ...document, blocks: [{ kind: 'paragraph', content: [{ kind: 'text', text: '' }, figure] }] }).content![0]!.content).toHaveLength(1);
  });
});
