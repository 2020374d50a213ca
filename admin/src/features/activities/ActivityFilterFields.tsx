import { Form, Input, Select } from 'antd';
import { useT } from '../../app/i18n.tsx';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect.tsx';
import { recentYears } from './activity-form.ts';
import { activityStatuses, type VocabularyEntry } from './api.ts';
import { activityMessages } from './messages.ts';

const options = (entries: VocabularyEntry[] | undefined) => (entries ?? []).map((entry) => ({ value: entry.id, label: entry.name }));

/**
 * The filter bar's fields, named as the list's query parameters. Values come
 * back from the address bar as strings, so the year options are strings too.
 */
export function ActivityFilterFields({ types, campaigns, withYear = true }: { types?: VocabularyEntry[]; campaigns?: VocabularyEntry[]; withYear?: boolean }) {
  const t = useT(activityMessages);
  return (
    <>
      <Form.Item name="q" label={t('keyword')}>
        <Input placeholder={t('keywordPlaceholder')} allowClear style={{ width: 180 }} />
      </Form.Item>
      {withYear && (
        <Form.Item name="year" label={t('year')}>
          <Select options={recentYears().map((year) => ({ value: String(year), label: String(year) }))} allowClear placeholder={t('all')} style={{ width: 100 }} />
        </Form.Item>
      )}
      <Form.Item name="orgId" label={t('org')}>
        <OrgTreeSelect allowClear placeholder={t('all')} />
      </Form.Item>
      <Form.Item name="typeId" label={t('type')}>
        <Select options={options(types)} showSearch optionFilterProp="label" allowClear placeholder={t('all')} style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="campaignId" label={t('campaign')}>
        <Select options={options(campaigns)} showSearch optionFilterProp="label" allowClear placeholder={t('all')} style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="status" label={t('status')}>
        <Select options={activityStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }))} allowClear placeholder={t('all')} style={{ width: 110 }} />
      </Form.Item>
      <Form.Item name="public" label={t('visibility')}>
        <Select
          options={[
            { value: 'true', label: t('visibility.public') },
            { value: 'false', label: t('visibility.internal') },
          ]}
          allowClear
          placeholder={t('all')}
          style={{ width: 100 }}
        />
      </Form.Item>
    </>
  );
}
