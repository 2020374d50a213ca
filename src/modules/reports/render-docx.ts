import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun, type IBaseParagraphStyleOptions } from 'docx';
import type { ReviewDocument, ReviewInline } from './review-document.ts';

/**
 * Chinese official documents are set in 宋体. Where SimSun is not installed
 * (LibreOffice on Linux), render-pdf maps it to Noto Serif CJK SC, the font
 * with the same design installed with fonts-noto-cjk.
 */
export const reviewFont = { chinese: 'SimSun', latin: 'Times New Roman' } as const;

/** Sizes in half-points: 小二 (18pt) for the title, 三号 (16pt) and 四号 (14pt) for headings, 小四 (12pt) for the text. */
const size = { title: 36, heading1: 32, heading2: 28, body: 24 } as const;

const headingStyle = (halfPoints: number): IBaseParagraphStyleOptions => ({
  run: { size: halfPoints, bold: true, color: '000000', font: { ascii: reviewFont.latin, hAnsi: reviewFont.latin, eastAsia: reviewFont.chinese } },
  paragraph: { spacing: { before: 240, after: 120 } },
});

const runs = (content: readonly ReviewInline[]) => content.map((inline) => new TextRun(inline.text));

/** Template levels: `##` sections (思想引领) are Heading 1, `###` their subtitles Heading 2. */
const headingLevels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_1, 3: HeadingLevel.HEADING_2 } as const;

/** The review as a Word document: A4, 宋体, a centred title, headings, indented paragraphs, page numbers in the footer. */
export async function reviewToDocx(review: ReviewDocument): Promise<Buffer> {
  const document = new Document({
    title: review.title,
    creator: 'kexie',
    styles: {
      default: {
        document: {
          run: { size: size.body, font: { ascii: reviewFont.latin, hAnsi: reviewFont.latin, eastAsia: reviewFont.chinese }, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          // 1.5 line spacing, as reviews sent upward are printed.
          paragraph: { spacing: { line: 360, after: 120 } },
        },
        title: { ...headingStyle(size.title), paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 360 } } },
        heading1: headingStyle(size.heading1),
        heading2: headingStyle(size.heading2),
      },
    },
    sections: [
      {
        // A4 in twentieths of a point, with the margins of a Chinese official document (37 mm top, 28 mm sides).
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })] }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(review.title)] }),
          ...review.blocks.map((block) =>
            block.kind === 'heading'
              ? new Paragraph({ heading: headingLevels[block.level], children: runs(block.content) })
              : // Paragraphs open with a two-character indent (2 × 12pt).
                new Paragraph({ indent: { firstLine: 480 }, alignment: AlignmentType.JUSTIFIED, children: runs(block.content) }),
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
