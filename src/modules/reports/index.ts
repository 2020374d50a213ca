/** Reports made from records: the annual work review (template, figures, Markdown / HTML / Word / PDF) and its stored, edited copies; the statistical return (科协统计年报). */
export { generateAnnualReview, annualIndicatorsJson, defaultAnnualTemplate, type AnnualReviewRequest, type AnnualIndicators, type AnnualIndicator } from './review-generator.ts';
export { parseTemplate, fillTemplate, type ParsedTemplate } from './template.ts';
export { formatFigure, resolveFigureFormat, figureFormats, type FigureFormat } from './chinese-numbers.ts';
export { reviewToMarkdown } from './render-markdown.ts';
export { reviewToHtml, type ReviewHtmlOptions } from './render-html.ts';
export { reviewToDocx } from './render-docx.ts';
export { reviewToPdf, docxToPdf, pdfRequirements, type PdfOptions } from './render-pdf.ts';
export type { ReviewDocument, ReviewBlock, ReviewInline, ReviewFigure } from './review-document.ts';
export { computeStatisticalReturn, statisticalReturnForms, type StatisticalReturn, type StatisticalReturnRow } from './statistical-return.ts';
export { exportStatisticalReturn } from './statistical-return.service.ts';
export type { ReviewTables } from './review.table.ts';
export { reviewRoutes } from './review.routes.ts';
export { listReviews, getReview, generateReview, saveReview, refreshReviewFigures, publishReview, exportReview, recomputeFigures, type ReviewExport } from './review.service.ts';
