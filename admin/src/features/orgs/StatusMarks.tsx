import { Badge, Tag, theme } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../app/i18n.tsx';
import { orgMessages } from './messages.ts';

type Status = 'active' | 'disabled';

/**
 * 正常 / 已停用 in a 状态 field or column, for an org or a user: a coloured dot
 * beside dark text (Ant Design Pro's status convention), which stays readable
 * where a green-on-green tag would not.
 */
export function StatusBadge({ status }: { status: Status }) {
  const t = useT(orgMessages);
  return <Badge status={status === 'active' ? 'success' : 'default'} text={t(`status.${status}`)} />;
}

/** The grey 已停用 tag beside a disabled org's name; nothing for an active one. */
export function DisabledTag({ status }: { status: Status }) {
  const t = useT(orgMessages);
  return status === 'disabled' ? <Tag>{t('status.disabled')}</Tag> : null;
}

/**
 * Secondary text that still reads at 4.5:1: Ant Design's type="secondary"
 * (#8c8c8c) is 3.4:1 on white.
 */
export function SecondaryText({ children, block }: { children: ReactNode; block?: boolean }) {
  const { token } = theme.useToken();
  const Element = block ? 'div' : 'span';
  return <Element style={{ color: token.colorTextSecondary, marginBottom: block ? 16 : undefined }}>{children}</Element>;
}
