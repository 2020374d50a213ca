import type { Kysely } from 'kysely';
import type { Db } from '../../database.ts';
import { locales, translate, type Locale } from '../../platform/i18n/catalogue.ts';
import { findOrgSubtree, type OrgRow } from '../orgs/index.ts';
import type { AnySource } from './indicator.declare.ts';
import type { DimensionCode } from './indicator.types.ts';

type ScopeOrg = OrgRow & { depth: number };

/** The key a record without a value for the dimension (no campaign, no series, a city-level record by county) is grouped under. */
export const noKey = '';

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Turns the labels people write (报告会, 方城县科协, 南阳市科技馆) into the keys
 * records hold, and keys back into labels, for one computation: the org
 * subtree and each looked-up table are read once however many requests ask.
 */
export class DimensionKeys {
  private scope?: Promise<ScopeOrg[]>;
  private readonly names = new Map<string, Promise<Map<string, string>>>();

  constructor(
    private readonly db: Db,
    private readonly orgId: string,
    private readonly locale: Locale,
  ) {}

  scopeOrgs(): Promise<ScopeOrg[]> {
    this.scope ??= findOrgSubtree(this.db, this.orgId);
    return this.scope;
  }

  /** The county-level orgs in scope (the scope's own org when it is one), in the tree's order. */
  async counties(): Promise<ScopeOrg[]> {
    return (await this.scopeOrgs()).filter((org) => org.type === 'county_association');
  }

  /** The keys the labels stand for; a label that names nothing adds no key, so narrowing by it finds nothing. */
  async keysFor(source: AnySource, dimension: DimensionCode, labels: readonly string[]): Promise<string[]> {
    if (dimension === 'month') return labels.filter((label) => monthPattern.test(label));
    if (dimension === 'county') return orgIdsNamed(await this.counties(), labels);
    const declared = source.dimensions[dimension]!;
    if (declared.org) return orgIdsNamed(await this.scopeOrgs(), labels);
    if (declared.messages) {
      const { prefix, codes } = declared.messages;
      return codes.filter((code) => labels.includes(code) || locales.some((locale) => labels.includes(translate(locale, `${prefix}${code}`))));
    }
    if (declared.names) {
      const names = await this.namesOf(declared.names);
      return [...names].filter(([, name]) => labels.includes(name)).map(([id]) => id);
    }
    return [...labels];
  }

  /** A label for each key, in the computation's locale. */
  async labelsFor(source: AnySource, dimension: DimensionCode, keys: readonly string[]): Promise<Map<string, string>> {
    const none = translate(this.locale, 'stats.key.none');
    if (dimension === 'month') {
      return new Map(keys.map((key) => [key, key === noKey ? none : translate(this.locale, 'stats.month', { year: key.slice(0, 4), month: Number(key.slice(5)), month2: key.slice(5) })]));
    }
    let lookUp: (key: string) => string | undefined;
    if (dimension === 'county' || source.dimensions[dimension]?.org) {
      const orgs = new Map((await this.scopeOrgs()).map((org) => [org.id, org.name]));
      const own = translate(this.locale, 'stats.county.ownLevel', { org: orgs.get(this.orgId) ?? '' });
      lookUp = (key) => (key === noKey && dimension === 'county' ? own : orgs.get(key));
    } else {
      const declared = source.dimensions[dimension]!;
      const { messages } = declared;
      const names = declared.names ? await this.namesOf(declared.names) : undefined;
      lookUp = (key) => (messages ? translate(this.locale, `${messages.prefix}${key}`) : names ? names.get(key) : key);
    }
    return new Map(keys.map((key) => [key, (dimension === 'county' || key !== noKey ? lookUp(key) : undefined) ?? none]));
  }

  /** id → name of a table the declaring module named for a dimension (activity types, venues); small vocabularies, read whole. */
  private namesOf(table: string): Promise<Map<string, string>> {
    let names = this.names.get(table);
    if (!names) {
      names = (this.db as unknown as Kysely<any>)
        .selectFrom(table)
        .select(['id', 'name'])
        .execute()
        .then((rows) => new Map(rows.map((row) => [String(row.id), String(row.name)])));
      this.names.set(table, names);
    }
    return names;
  }
}

/** Orgs named by their full name, short name or 行政区划代码. */
function orgIdsNamed(orgs: readonly OrgRow[], labels: readonly string[]): string[] {
  return orgs.filter((org) => labels.includes(org.name) || (org.short_name !== null && labels.includes(org.short_name)) || (org.admin_code !== null && labels.includes(org.admin_code))).map((org) => org.id);
}
