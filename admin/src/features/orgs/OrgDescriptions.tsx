import { Descriptions, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../app/i18n.tsx';
import type { Org } from './api.ts';
import { orgMessages } from './messages.ts';
import { StatusBadge } from './StatusMarks.tsx';

interface OrgDescriptionsProps {
  org: Org;
  /** Rows the page adds after the org's own fields (parent, counts…). */
  extra?: { label: string; value: ReactNode }[];
  /** Label–value pairs per row at each screen width; the page knows how wide its column is. */
  column?: DescriptionsProps['column'];
}

/** An org's own fields as a bordered list. */
export function OrgDescriptions({ org, extra = [], column }: OrgDescriptionsProps) {
  const t = useT(orgMessages);
  const orEmpty = (value: ReactNode) => value ?? t('empty');
  const items: DescriptionsProps['items'] = [
    { label: t('name'), value: org.name },
    { label: t('shortName'), value: orEmpty(org.shortName) },
    { label: t('type'), value: t(`type.${org.type}` as const) },
    { label: t('adminCode'), value: orEmpty(org.adminCode) },
    { label: t('foundedOn'), value: orEmpty(org.foundedOn) },
    { label: t('status'), value: <StatusBadge status={org.status} /> },
    ...extra,
  ].map(({ label, value }) => ({ key: label, label, children: value }));
  return <Descriptions bordered size="small" column={column} items={items} styles={{ label: { whiteSpace: 'nowrap' } }} />;
}
