import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Flex, Form, Input, InputNumber, Popconfirm, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useBreadcrumbs } from '../../app/AppLayout.tsx';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { ErrorState } from '../../shared/PageState.tsx';
import { useDialogState } from '../../shared/dialog-state.ts';
import { pageTitleStyle } from '../orgs/page-title.ts';
import { addVocabularyEntry, updateVocabularyEntry, useVocabulary, type VocabularyEntry, type VocabularyKind } from './api.ts';
import { activityMessages } from './messages.ts';
import { reorderedPositions } from './vocabulary-order.ts';

/** /activity-vocabularies: admins keep the 活动类型 (with units) and 主题活动 that forms and imports choose from. */
export default function VocabulariesPage() {
  const t = useT(activityMessages);
  useBreadcrumbs([{ title: t('title'), to: '/activities' }, { title: t('vocabulariesTitle') }]);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={pageTitleStyle}>
        {t('vocabulariesTitle')}
      </Typography.Title>
      <VocabularyCard kind="types" />
      <VocabularyCard kind="campaigns" />
    </Flex>
  );
}

interface EntryFields {
  name: string;
  unit?: string;
  position?: number;
}

type EntryDialog = { kind: 'add' } | { kind: 'edit'; entry: VocabularyEntry };

function VocabularyCard({ kind }: { kind: VocabularyKind }) {
  const t = useT(activityMessages);
  const tApp = useT(appMessages);
  const { message } = App.useApp();
  const { items, error, reload } = useVocabulary(kind);
  const dialog = useDialogState<EntryDialog>();
  const isTypes = kind === 'types';

  const run = async (write: () => Promise<unknown>) => {
    try {
      await write();
      message.success(tApp('saved'));
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    } finally {
      await reload();
    }
  };

  const move = (entry: VocabularyEntry, offset: -1 | 1) =>
    run(async () => {
      // One at a time: each is its own audited write, and a failure stops the rest.
      for (const change of reorderedPositions(items ?? [], entry.id, offset)) await updateVocabularyEntry(kind, change.id, { position: change.position });
    });

  const columns: TableColumnsType<VocabularyEntry> = [
    { key: 'name', dataIndex: 'name', title: t('name') },
    ...(isTypes ? [{ key: 'unit', dataIndex: 'unit', title: t('unit') }] : []),
    { key: 'position', dataIndex: 'position', title: t('position'), align: 'right' },
    { key: 'active', title: t('status'), render: (_, entry) => <Badge status={entry.active ? 'success' : 'default'} text={t(entry.active ? 'active' : 'retired')} /> },
    {
      key: 'actions',
      title: tApp('actions'),
      render: (_, entry, index) => (
        <Space size={0} role="group" aria-label={t('entryActions', { name: entry.name })}>
          <Button type="text" size="small" icon={<ArrowUpOutlined aria-hidden />} aria-label={t('moveUp', { name: entry.name })} disabled={index === 0} onClick={() => void move(entry, -1)} />
          <Button
            type="text"
            size="small"
            icon={<ArrowDownOutlined aria-hidden />}
            aria-label={t('moveDown', { name: entry.name })}
            disabled={index === (items?.length ?? 0) - 1}
            onClick={() => void move(entry, 1)}
          />
          <Button type="link" size="small" onClick={() => dialog.show({ kind: 'edit', entry })}>
            {tApp('edit')}
          </Button>
          {entry.active ? (
            <Popconfirm
              title={t('retireConfirm', { name: entry.name })}
              description={t('retireText')}
              okText={t('retire')}
              cancelText={tApp('cancel')}
              onConfirm={() => run(() => updateVocabularyEntry(kind, entry.id, { active: false }))}
            >
              <Button type="link" size="small" danger>
                {t('retire')}
              </Button>
            </Popconfirm>
          ) : (
            <Button type="link" size="small" onClick={() => void run(() => updateVocabularyEntry(kind, entry.id, { active: true }))}>
              {t('restore')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const target = dialog.subject;
  const title = t(isTypes ? 'typesTitle' : 'campaignsTitle');
  const fieldNames: (keyof EntryFields & string)[] = isTypes ? ['name', 'unit', 'position'] : ['name', 'position'];
  return (
    <Card
      title={<Typography.Title level={2} style={{ ...pageTitleStyle, fontSize: 16 }}>{title}</Typography.Title>}
      extra={
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => dialog.show({ kind: 'add' })}>
          {t(isTypes ? 'addType' : 'addCampaign')}
        </Button>
      }
    >
      {error && !items ? (
        <ErrorState error={error} onRetry={() => void reload()} />
      ) : (
        <Table<VocabularyEntry> aria-label={t(isTypes ? 'typesTable' : 'campaignsTable')} size="small" rowKey="id" columns={columns} dataSource={items} loading={!items} pagination={false} scroll={{ x: 'max-content' }} />
      )}
      {target && (
        <FormModal<EntryFields>
          key={target.kind === 'edit' ? target.entry.id : 'add'}
          open={dialog.open}
          onClose={dialog.hide}
          afterClose={dialog.afterClose}
          name={`${kind}-entry`}
          title={target.kind === 'edit' ? t('editEntry', { name: target.entry.name }) : t(isTypes ? 'addType' : 'addCampaign')}
          initialValues={target.kind === 'edit' ? { name: target.entry.name, unit: target.entry.unit, position: target.entry.position } : { unit: isTypes ? '次' : undefined }}
          fieldNames={fieldNames}
          onSubmit={(values) => {
            const fields = { name: values.name.trim(), position: values.position ?? undefined, ...(isTypes ? { unit: values.unit?.trim() } : {}) };
            return target.kind === 'edit' ? updateVocabularyEntry(kind, target.entry.id, fields) : addVocabularyEntry(kind, fields);
          }}
          onSaved={() => void reload()}
        >
          <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: tApp('required') }]}>
            <Input maxLength={30} />
          </Form.Item>
          {isTypes && (
            <Form.Item name="unit" label={t('unit')} extra={t('unitHint')} rules={[{ required: true, whitespace: true, message: tApp('required') }]}>
              <Input maxLength={4} style={{ width: 120 }} />
            </Form.Item>
          )}
          <Form.Item name="position" label={t('position')} extra={t('positionHint')}>
            <InputNumber min={0} max={10000} precision={0} />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
