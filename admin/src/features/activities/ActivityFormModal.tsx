import { Alert, DatePicker, Flex, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { useMemo } from 'react';
import { useAuth } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { FormModal, type DialogControl } from '../../shared/FormModal.tsx';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect.tsx';
import { EvidenceField } from './EvidenceField.tsx';
import { endsBeforeStart, formValuesOf, toActivityInput, type ActivityFormValues } from './activity-form.ts';
import { activityModes, createActivity, updateActivity, type Activity, type VocabularyEntry } from './api.ts';
import { activityMessages } from './messages.ts';
import { withoutAriaRequired } from './without-aria-required.tsx';

const RequiredSelect = withoutAriaRequired(Select);
const RequiredRadioGroup = withoutAriaRequired(Radio.Group);

interface ActivityFormModalProps extends DialogControl {
  /** The activity to correct; a new one when absent. */
  activity?: Activity;
  types: VocabularyEntry[];
  campaigns: VocabularyEntry[];
  onSaved(activity: Activity): void;
}

const fieldNames: (keyof ActivityFormValues & string)[] = [
  'title', 'typeId', 'campaignId', 'series', 'startDate', 'endDate', 'orgId', 'venue', 'organiser', 'partners', 'participants', 'mode', 'quantity', 'description', 'evidenceMediaIds', 'public',
];

/** Entries one may choose: the active ones, plus the activity's own even if since retired, so a correction does not lose it. */
function choices(entries: VocabularyEntry[], current: string | null | undefined) {
  return entries.filter((entry) => entry.active || entry.id === current).map((entry) => ({ value: entry.id, label: entry.name }));
}

/**
 * 新增活动 / 编辑活动. A returned activity shows its 退回理由 above the form;
 * saving any correction reports it again (the server sets 已上报).
 */
export function ActivityFormModal({ activity, types, campaigns, onSaved, ...dialog }: ActivityFormModalProps) {
  const t = useT(activityMessages);
  const tApp = useT(appMessages);
  const { user } = useAuth();
  const required = { required: true, message: tApp('required') };
  const initialValues = useMemo(() => formValuesOf(activity, { orgId: user?.orgId }), [activity, user?.orgId]);
  const returned = activity?.status === 'returned';

  return (
    <FormModal<ActivityFormValues, Activity>
      {...dialog}
      name={activity ? 'editActivity' : 'createActivity'}
      title={t(activity ? 'edit' : 'create')}
      initialValues={initialValues}
      fieldNames={fieldNames}
      savedMessage={returned ? t('resubmitted') : undefined}
      onSubmit={(values) => {
        const input = toActivityInput(values);
        return activity ? updateActivity(activity.id, input) : createActivity(input);
      }}
      onSaved={onSaved}
      intro={
        returned && activity.returnReason ? (
          <Alert type="error" showIcon role="alert" message={t('returnReasonShown', { reason: activity.returnReason })} description={t('returnedFixHint')} style={{ marginBottom: 16 }} />
        ) : undefined
      }
    >
      <Form.Item name="title" label={t('keyword')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="typeId" label={t('type')} rules={[required]} style={{ flex: '1 1 200px' }}>
          <RequiredSelect options={choices(types, activity?.typeId)} showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="campaignId" label={t('campaign')} style={{ flex: '1 1 200px' }}>
          <Select options={choices(campaigns, activity?.campaignId)} showSearch optionFilterProp="label" allowClear />
        </Form.Item>
      </Flex>
      <Form.Item name="series" label={t('series')} extra={t('seriesHint')}>
        <Input maxLength={50} />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="startDate" label={t('startDate')} rules={[required]} style={{ flex: '1 1 160px' }}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="endDate"
          label={t('endDate')}
          dependencies={['startDate']}
          style={{ flex: '1 1 160px' }}
          rules={[
            required,
            ({ getFieldValue }) => ({
              validator: (_, end) => (endsBeforeStart(getFieldValue('startDate'), end) ? Promise.reject(new Error(t('endBeforeStart'))) : Promise.resolve()),
            }),
          ]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item name="orgId" label={t('org')} rules={[required]}>
        <OrgTreeSelect />
      </Form.Item>
      <Form.Item name="venue" label={t('venue')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="organiser" label={t('organiser')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="partners" label={t('partners')} extra={t('partnersHint')}>
        <Select mode="tags" tokenSeparators={[',', '，', '、', ';', '；']} open={false} suffixIcon={null} maxCount={100} />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="participants" label={t('participants')} rules={[required]} style={{ flex: '1 1 160px' }}>
          <InputNumber min={0} max={100_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <QuantityField types={types} />
      </Flex>
      <Form.Item name="mode" label={t('mode')} rules={[required]}>
        <RequiredRadioGroup options={activityModes.map((mode) => ({ value: mode, label: t(`mode.${mode}`) }))} />
      </Form.Item>
      <Form.Item name="description" label={t('description')}>
        <Input.TextArea maxLength={5000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="evidenceMediaIds" label={t('evidence')}>
        <EvidenceField />
      </Form.Item>
      <Form.Item name="public" label={t('public')} extra={t('publicHint')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}

/** 数量, with the chosen type's unit (场, 块 …) beside it. */
function QuantityField({ types }: { types: VocabularyEntry[] }) {
  const t = useT(activityMessages);
  const form = Form.useFormInstance<ActivityFormValues>();
  const typeId = Form.useWatch('typeId', form);
  const unit = types.find((type) => type.id === typeId)?.unit;
  return (
    <Form.Item name="quantity" label={t('quantity')} extra={t('quantityHint')} style={{ flex: '1 1 160px' }}>
      <InputNumber min={0} max={1_000_000} precision={0} addonAfter={unit ?? t('unitSuffixNone')} style={{ width: '100%' }} />
    </Form.Item>
  );
}
