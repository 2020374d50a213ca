import type { Insertable, Selectable, Updateable } from 'kysely';

export const listStyles = ['list', 'pictures', 'page'] as const;
/** How a column's page shows its articles: a dated list, picture cards, or one single page (关于科协). */
export type ListStyle = (typeof listStyles)[number];

/** 栏目: a column of the site, in a tree. Booleans are 0/1 integers on both databases. */
export interface ColumnTable {
  id: string;
  parent_id: string | null;
  name: string;
  /** The column's path segment on the portal: /columns/{slug}. */
  slug: string;
  position: number;
  list_style: ListStyle;
  /** Shown in the portal's main menu. */
  in_nav: number;
  /** Has a block of its newest articles on the home page. */
  on_home: number;
  description: string;
  created_at: string;
  updated_at: string;
}

/** 审核级别: one level of the review chain (default 初审, 复审, 终审), numbered from 1. */
export interface ReviewLevelTable {
  level: number;
  name: string;
  updated_at: string;
}

export const articleStatuses = ['draft', 'in_review', 'scheduled', 'published', 'withdrawn'] as const;
/**
 * The working copy's place in the workflow. What the public sees is held
 * apart (live_articles), so a published article stays online, unchanged,
 * while its next version is edited and reviewed.
 */
export type ArticleStatus = (typeof articleStatuses)[number];

/** The working copy of an article: what editors edit. */
export interface ArticleTable {
  id: string;
  /** The author's org: the article's data scope. */
  org_id: string;
  status: ArticleStatus;
  /** While in review: the level now deciding (1 = 初审). */
  review_level: number | null;
  /** The revision under review (or scheduled), so reviewers approve exactly what they read. */
  review_revision_id: string | null;
  /** When the revision was last submitted: approvals before it belong to an earlier round. */
  review_started_at: string | null;
  current_revision_id: string;
  revision_count: number;
  title: string;
  subtitle: string;
  /** Byline (作者) as printed. */
  author: string;
  /** 来源. */
  source: string;
  /** Column ids, primary first (JSON array). */
  column_ids: string;
  cover_media_id: string | null;
  /** Sanitised editor HTML; images are <img data-media-id>. */
  body_html: string;
  /** Media ids of attachments (JSON array). */
  attachment_ids: string;
  /** JSON array of strings. */
  tags: string;
  is_focus: number;
  is_pinned: number;
  /** The wanted publication time: in the future schedules, in the past back-dates. */
  publish_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** 修订: every save, a full snapshot of the editable fields. */
export interface ArticleRevisionTable {
  id: string;
  article_id: string;
  /** 1, 2, 3 … per article. */
  number: number;
  /** JSON of ArticleSnapshot. */
  snapshot: string;
  /** Why this revision exists: saved, restored from N … */
  note: string;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
}

/** One reviewer's decision on one level of one submitted revision. */
export interface ArticleReviewTable {
  id: string;
  article_id: string;
  revision_id: string;
  level: number;
  level_name: string;
  decision: 'approve' | 'return';
  reason: string | null;
  reviewer_id: string | null;
  reviewer_name: string;
  created_at: string;
}

/** The published copy the portal reads: rendered once at publication. */
export interface LiveArticleTable {
  article_id: string;
  revision_id: string;
  title: string;
  subtitle: string;
  summary: string;
  author: string;
  source: string;
  primary_column_id: string;
  cover_media_id: string | null;
  /** Portal-ready HTML: sanitised, images as responsive <picture>. */
  body_html: string;
  attachment_ids: string;
  tags: string;
  /** JSON array of ReviewerCredit. */
  reviewers: string;
  is_focus: number;
  is_pinned: number;
  published_at: string;
  updated_at: string;
}

/** Which columns a live article is listed in. */
export interface LiveArticleColumnTable {
  article_id: string;
  column_id: string;
  published_at: string;
  is_pinned: number;
}

/** A log of what changed on the public site, so every server process can drop exactly the cached pages it affects. */
export interface ContentChangeTable {
  id: string;
  at: string;
  /** JSON of ContentChange. */
  change: string;
}

export interface ContentTables {
  content_columns: ColumnTable;
  review_levels: ReviewLevelTable;
  articles: ArticleTable;
  article_revisions: ArticleRevisionTable;
  article_reviews: ArticleReviewTable;
  live_articles: LiveArticleTable;
  live_article_columns: LiveArticleColumnTable;
  content_changes: ContentChangeTable;
}

export type ColumnRow = Selectable<ColumnTable>;
export type NewColumnRow = Insertable<ColumnTable>;
export type ColumnRowUpdate = Updateable<ColumnTable>;
export type ArticleRow = Selectable<ArticleTable>;
export type ArticleRevisionRow = Selectable<ArticleRevisionTable>;
export type ArticleReviewRow = Selectable<ArticleReviewTable>;
export type LiveArticleRow = Selectable<LiveArticleTable>;
