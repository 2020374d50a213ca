import fs from 'node:fs';
import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/catalogue.ts';
import { findOrgById, type OrgRow } from '../orgs/index.ts';
import { computeIndicators, listIndicators, yearPeriod, type IndicatorRequest, type Period } from '../stats/index.ts';
import type { ReviewDocument } from './review-document.ts';
import { fillTemplate, parseTemplate, requestKey, templateFigures, type ParsedTemplate } from './template.ts';
import './review-generator.messages.ts';

/**
 * The annual work review made from records: the template's placeholders are
 * computed in one stats call for the org's subtree and the calendar year, and
 * the prose filled in. No data-scope check here: callers decide whether the
 * actor may see the org (the console's service, the command line as system).
 */

/**
 * The template's narrowings (类型=讲座/报告会, kind=实体科技馆) are labels in the
 * template's language, so its figures are computed in that language whatever
 * language the reader's messages are in.
 */
const templateLocale: Locale = 'zh-CN';

/** The default annual template, modelled on the seed review: 开篇 · 思想引领 · 服务大局 · 开拓创新 · 建强阵地 · 结语. */
export function defaultAnnualTemplate(): string {
  return fs.readFileSync(new URL('./templates/annual-review.zh-CN.md', import.meta.url), 'utf8');
}

export interface AnnualReviewRequest {
  year: number;
  orgId: string;
  /** The language of error messages (a template's problems, an unknown org). */
  locale: Locale;
  /** Template source; the default annual template when absent. */
  template?: string;
}

async function orgOf(db: Db, orgId: string): Promise<OrgRow> {
  const org = await findOrgById(db, orgId);
  if (!org) throw new AppError('ORG_NOT_FOUND', 404);
  return org;
}

function parseAnnualTemplate(request: AnnualReviewRequest): ParsedTemplate {
  return parseTemplate(request.template ?? defaultAnnualTemplate(), listIndicators(templateLocale), request.locale);
}

/** The template's distinct figures, each asked for once however often the prose names it. */
function distinctRequests(template: ParsedTemplate): IndicatorRequest[] {
  const byKey = new Map(templateFigures(template).map((figure) => [requestKey(figure.request), figure.request]));
  return [...byKey.values()];
}

export async function generateAnnualReview(db: Db, request: AnnualReviewRequest): Promise<ReviewDocument> {
  const template = parseAnnualTemplate(request);
  const org = await orgOf(db, request.orgId);
  const requests = distinctRequests(template);
  const values = await computeIndicators(db, { orgId: org.id, ...yearPeriod(request.year), requests, locale: templateLocale });
  const byKey = new Map(requests.map((asked, index) => [requestKey(asked), values[index]!]));
  return fillTemplate(template, byKey, { year: request.year, orgId: org.id, orgName: org.name });
}

/** One figure of the year in the command line's JSON. */
export interface AnnualIndicator {
  code: string;
  label: string;
  value: number;
  unit: string;
  previous: number;
  /** The narrowing, for the template's narrowed figures. */
  where?: IndicatorRequest['where'];
}

export interface AnnualIndicators {
  year: number;
  org: { id: string; code: string | null; name: string };
  period: Period;
  indicators: AnnualIndicator[];
}

/**
 * Every registered indicator for the org's year (un-narrowed, in the
 * registry's order), then the narrowed figures the template uses, each with
 * the previous year's value beside it: what `kexie report annual --format json` prints.
 */
export async function annualIndicatorsJson(db: Db, request: AnnualReviewRequest): Promise<AnnualIndicators> {
  const template = parseAnnualTemplate(request);
  const org = await orgOf(db, request.orgId);
  const period = yearPeriod(request.year);
  // Labels and units in the reader's language; the narrowings are computed in the template's.
  const infoByCode = new Map(listIndicators(request.locale).map((info) => [info.code, info]));
  const requests: IndicatorRequest[] = [...[...infoByCode.keys()].map((code) => ({ code })), ...distinctRequests(template).filter((asked) => asked.where)];
  const values = await computeIndicators(db, { orgId: org.id, ...period, requests, locale: templateLocale });
  return {
    year: request.year,
    org: { id: org.id, code: org.admin_code, name: org.name },
    period,
    indicators: values.map(({ code, value, previous, where }) => {
      const { label, unit } = infoByCode.get(code)!;
      return { code, label, value, unit, previous, ...(where ? { where } : {}) };
    }),
  };
}
