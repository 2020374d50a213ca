import type { Insertable, Selectable, Updateable } from 'kysely';

/** The kinds of organisation in an association's tree. */
export const orgTypes = [
  'city_association', // 市科协
  'county_association', // 县区科协
  'society', // 学会
  'enterprise_association', // 企业科协
  'service_station', // 学会服务站
  'university_association', // 高校科协
  'other',
] as const;
export type OrgType = (typeof orgTypes)[number];

export const orgStatuses = ['active', 'disabled'] as const;
export type OrgStatus = (typeof orgStatuses)[number];

/** 组织: an association, society or station; `parent_id` places it in the tree. */
export interface OrgTable {
  id: string;
  name: string;
  short_name: string | null;
  type: OrgType;
  parent_id: string | null;
  /** 行政区划代码 for associations tied to an administrative division. */
  admin_code: string | null;
  founded_on: string | null;
  status: OrgStatus;
  created_at: string;
  updated_at: string;
}

/** Every (ancestor, descendant) pair, including each org with itself at depth 0. */
export interface OrgClosureTable {
  ancestor_id: string;
  descendant_id: string;
  depth: number;
}

export interface OrgTables {
  orgs: OrgTable;
  org_closure: OrgClosureTable;
}

export type OrgRow = Selectable<OrgTable>;
export type NewOrgRow = Insertable<OrgTable>;
export type OrgRowUpdate = Updateable<OrgTable>;
