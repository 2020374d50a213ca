import { DatePicker, Form, Input, Select, type SelectProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../app/i18n.tsx';
import { FormModal } from '../../shared/FormModal.tsx';
import { createOrg, orgTypes, updateOrg, type Org, type OrgFields, type OrgType } from './api.ts';
import { orgMessages } from './messages.ts';
import { SecondaryText } from './StatusMarks.tsx';

/** Creating a child under `parent`, or editing `org`. */
export type OrgFormSubject = { kind: 'create'; parent: Org } | { kind: 'edit'; org: Org };

interface OrgFormProps {
  subject: OrgFormSubject;
  open: boolean;
  onClose(): void;
  afterClose(): void;
  onSaved(org: Org): void;
}

interface Values {
  name: string;
  shortName?: string;
  type?: OrgType;
  adminCode?: string;
  foundedOn?: Dayjs | null;
}

const fieldNames: (keyof Values & string)[] = ['name', 'shortName', 'type', 'adminCode', 'foundedOn'];
const adminCodePattern = /^(\d{6}|\d{12})$/;

function toValues(org: Org): Values {
  return {
    name: org.name,
    shortName: org.shortName ?? undefined,
    type: org.type,
    adminCode: org.adminCode ?? undefined,
    foundedOn: org.foundedOn ? dayjs(org.foundedOn) : null,
  };
}

/** Blank optional fields become null, so clearing a field in the form clears it on the server. */
function toFields(values: Values): OrgFields {
  return {
    name: values.name.trim(),
    shortName: values.shortName?.trim() || null,
    type: values.type!,
    adminCode: values.adminCode?.trim() || null,
    foundedOn: values.foundedOn ? values.foundedOn.format('YYYY-MM-DD') : null,
  };
}

/**
 * The org types by their Chinese names. Form.Item puts aria-required on a
 * required control, which for a Select lands on a role-less <div>: an ARIA
 * error to screen readers and axe. The asterisk and the message remain.
 */
function OrgTypeSelect({ 'aria-required': _ariaRequired, ...props }: SelectProps<OrgType>) {
  const t = useT(orgMessages);
  return <Select {...props} options={orgTypes.map((type) => ({ value: type, label: t(`type.${type}` as const) }))} />;
}

/** The create / edit dialog for one org; server errors land under the field they name. */
export function OrgForm({ subject, open, onClose, afterClose, onSaved }: OrgFormProps) {
  const t = useT(orgMessages);
  const save = (values: Values) => {
    const fields = toFields(values);
    return subject.kind === 'create' ? createOrg({ ...fields, parentId: subject.parent.id }) : updateOrg(subject.org.id, fields);
  };
  return (
    <FormModal<Values, Org>
      title={subject.kind === 'create' ? t('createChild') : t('editTitle')}
      name="orgForm"
      open={open}
      onClose={onClose}
      afterClose={afterClose}
      initialValues={subject.kind === 'edit' ? toValues(subject.org) : undefined}
      fieldNames={fieldNames}
      onSubmit={save}
      onSaved={onSaved}
      intro={subject.kind === 'create' && <SecondaryText block>{t('parentLine', { name: subject.parent.name })}</SecondaryText>}
    >
        <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: t('nameRequired') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="shortName" label={t('shortName')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="type" label={t('type')} rules={[{ required: true, message: t('typeRequired') }]}>
          <OrgTypeSelect placeholder={t('chooseType')} />
        </Form.Item>
        <Form.Item name="adminCode" label={t('adminCode')} rules={[{ pattern: adminCodePattern, message: t('adminCodeInvalid') }]}>
          <Input inputMode="numeric" maxLength={12} placeholder={t('adminCodeHelp')} />
        </Form.Item>
        <Form.Item name="foundedOn" label={t('foundedOn')}>
          <DatePicker placeholder={t('chooseDate')} disabledDate={(day) => day.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
        </Form.Item>
    </FormModal>
  );
}
