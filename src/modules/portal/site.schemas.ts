import { Type, type Static } from '@fastify/type-provider-typebox';
import { Id, IsoDateTime, Nullable, StrictObject } from '../../platform/http/schema.ts';

/** Free text shown in the footer: one line each, trimmed by the service. */
const Line = (maxLength: number, description: string) => Type.String({ maxLength, description });

export const SiteSettings = Type.Object({
  siteName: Type.String(),
  logoMediaId: Nullable(Type.String()),
  footerText: Type.String(),
  sponsor: Type.String({ description: '主办单位' }),
  address: Type.String(),
  phone: Type.String(),
  icpNumber: Type.String({ description: 'ICP备案号' }),
  publicSecurityNumber: Type.String({ description: '公网安备案号' }),
  copyrightHolder: Type.String({ description: '版权所有' }),
  updatedAt: IsoDateTime,
});
export type SiteSettings = Static<typeof SiteSettings>;

/**
 * PUT replaces every field. Formats (ICP, 公网安备, phone) are checked by the
 * service so each failing field gets a message that shows a correct example.
 */
export const UpdateSiteSettingsBody = StrictObject({
  siteName: Line(60, '网站名称'),
  logoMediaId: Nullable(Id),
  footerText: Line(500, '页脚说明'),
  sponsor: Line(100, '主办单位'),
  address: Line(200, '地址'),
  phone: Line(40, '联系电话, e.g. 0377-63132535'),
  icpNumber: Line(40, 'ICP备案号, e.g. 豫ICP备14014232号-1'),
  publicSecurityNumber: Line(40, '公网安备案号, e.g. 豫公网安备41130302000201号'),
  copyrightHolder: Line(100, '版权所有'),
});
export type UpdateSiteSettingsInput = Static<typeof UpdateSiteSettingsBody>;
