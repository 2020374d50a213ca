import type { Db } from '../../database.ts';
import { findMediaByIds, imageMarkup } from '../media/index.ts';
import { bodyImageIds, bodyText, renderBody, summarize } from './article-body.ts';
import type { ArticleContent } from './article.schemas.ts';

/** 初审 张三: who signed off each level of the published revision, as the article page prints it. */
export interface ReviewerCredit {
  level: number;
  levelName: string;
  reviewerName: string;
}

/** A published article in a list: what column pages, the home page and feeds show. */
export interface ArticleSummary {
  id: string;
  title: string;
  subtitle: string;
  /** Plain text, about 120 characters. */
  summary: string;
  /** Primary first. */
  columnIds: string[];
  coverMediaId: string | null;
  isFocus: boolean;
  isPinned: boolean;
  publishedAt: string;
  updatedAt: string;
}

/** An article as the portal shows it. */
export interface PublishedArticle extends ArticleSummary {
  author: string;
  source: string;
  /** Sanitised; images already responsive <picture> markup. */
  bodyHtml: string;
  attachmentIds: string[];
  tags: string[];
  reviewers: ReviewerCredit[];
}

/** The parts of a published page made once, at publication (or for a preview): body markup, text and summary. */
export async function renderArticle(db: Db, content: ArticleContent): Promise<{ bodyHtml: string; text: string; summary: string }> {
  const images = new Map((await findMediaByIds(db, bodyImageIds(content.bodyHtml))).map((item) => [item.id, item]));
  const bodyHtml = renderBody(content.bodyHtml, (id, alt) => {
    const item = images.get(id);
    return item && item.kind === 'image' ? imageMarkup(item, { alt: alt || item.alt, sizes: '(max-width: 800px) 100vw, 760px' }) : undefined;
  });
  const text = bodyText(content.bodyHtml);
  return { bodyHtml, text, summary: summarize(content.subtitle ? `${content.subtitle}。${text}` : text) };
}
