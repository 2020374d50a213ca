import type { Selectable } from 'kysely';

/**
 * 年度工作回顾: a generated review kept for staff to edit, one per org and
 * year. `document` is a ReviewDocument (JSON); `revision` counts saves, so a
 * save made from a stale screen is refused instead of overwriting.
 */
export interface AnnualReviewTable {
  id: string;
  /** The org whose subtree the figures cover: its data scope. */
  org_id: string;
  year: number;
  title: string;
  document: string;
  revision: number;
  /** The portal article the review was last published as; null until then. */
  article_id: string | null;
  /** When the figures were last computed (generated or refreshed). */
  generated_at: string;
  created_by: string | null;
  updated_by: string | null;
  /** Who saved last, as the conflict message names them. */
  updated_by_name: string;
  created_at: string;
  updated_at: string;
}

export interface ReviewTables {
  annual_reviews: AnnualReviewTable;
}

export type AnnualReviewRow = Selectable<AnnualReviewTable>;
