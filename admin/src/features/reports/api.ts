import { api, request, type Query } from '../../app/api.ts';
import { fileNameOf, save } from '../../shared/excel-api.ts';
import type { AnnualReview, ExportFormat, GenerateReviewInput, PublishReviewInput, ReviewList, ReviewListQuery, SaveReviewInput, ReviewSummary } from '../../../../src/modules/reports/review.schemas.ts';
import type { ReviewDocument, ReviewFigure } from '../../../../src/modules/reports/review-document.ts';
import type { IndicatorInfo } from '../../../../src/modules/stats/indicator.types.ts';

// The API's own types (type-only imports: nothing server-side is bundled).
export type { AnnualReview, ExportFormat, IndicatorInfo, ReviewDocument, ReviewFigure, ReviewSummary };

export const fetchReviews = (query: ReviewListQuery) => api<ReviewList>('GET', '/annual-reviews', undefined, query as Query);
export const fetchReview = (id: string) => api<AnnualReview>('GET', `/annual-reviews/${id}`);
/** 409 REVIEW_EXISTS when the org already has that year's review: it is never replaced. */
export const generateReview = (input: GenerateReviewInput) => api<AnnualReview>('POST', '/annual-reviews', input);
/** 409 REVIEW_EDIT_CONFLICT when someone saved after `baseRevision`. */
export const saveReview = (id: string, input: SaveReviewInput) => api<AnnualReview>('PUT', `/annual-reviews/${id}`, input);
export const refreshReview = (id: string, baseRevision: number) => api<AnnualReview>('POST', `/annual-reviews/${id}/refresh`, { baseRevision });
export const publishReview = (id: string, input: PublishReviewInput) => api<AnnualReview>('POST', `/annual-reviews/${id}/publish`, input);
export const fetchIndicators = () => api<{ items: IndicatorInfo[] }>('GET', '/stats/indicators');

/** Downloads the review as Word, PDF or Markdown under the server's file name. */
export async function downloadReview(review: Pick<AnnualReview, 'id' | 'title'>, format: ExportFormat): Promise<void> {
  const response = await request('GET', `/annual-reviews/${review.id}/export`, { query: { format }, accept: '*/*' });
  save(await response.blob(), fileNameOf(response, `${review.title}.${format}`));
}
