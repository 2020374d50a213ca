import { Form, Input, InputNumber, Radio, Switch, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { FormModal, type DialogControl } from '../../shared/FormModal.tsx';
import { createColumn, listStyles, updateColumn, type Column, type ListStyle } from './api.ts';
import { nestColumns, nextPosition, subtreeIds, type ColumnNode } from './column-tree.ts';
import { contentMessages } from './messages.ts';

interface ColumnFields {
  name: string;
  slug: string;
  parentId?: string | null;
  position: number;
  listStyle: ListStyle;
  inNav: boolean;
  onHome: boolean;
  description?: string;
}

const fieldNames: (keyof ColumnFields)[] = ['name', 'slug', 'parentId', 'position', 'listStyle', 'inNav', 'onHome', 'description'];
/** The server's rule for a column's address, checked here first so the mistake shows while typing. */
const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

type TreeOption = { value: string; title: string; disabled?: boolean; children: TreeOption[] };
function treeOptions(nodes: ColumnNode[], excluded: Set<string>): TreeOption[] {
  return nodes.map((node) => ({ value: node.id, title: node.name, disabled: excluded.has(node.id), children: treeOptions(node.children, excluded) }));
}

interface ColumnModalProps extends DialogControl {
  columns: Column[];
  /** The column being edited; a new column when absent. */
  column?: Column;
  /** Where a new column goes; null for the top level. */
  parentId?: string | null;
  onSaved(): void;
}

/** Creates or edits a column; editing its parent moves it with its sub-columns. */
export function ColumnModal({ columns, column, parentId = null, ...props }: ColumnModalProps) {
  const t = useT(contentMessages);
  const tApp = useT(appMessages);
  const required = { required: true, whitespace: true, message: tApp('required') } as const;
  // A column cannot move under itself or its own sub-columns: those entries are shown but disabled.
  const parentOptions = useMemo(() => treeOptions(nestColumns(columns), column ? subtreeIds(columns, column.id) : new Set()), [columns, column]);
  const initialValues: Partial<ColumnFields> = column
    ? { ...column, parentId: column.parentId ?? undefined }
    : { parentId: parentId ?? undefined, position: nextPosition(columns, parentId), listStyle: 'list', inNav: true, onHome: false, description: '' };

  const submit = ({ parentId: parent, description, ...values }: ColumnFields) => {
    const input = { ...values, parentId: parent ?? null, description: description ?? '' };
    return column ? updateColumn(column.id, input) : createColumn(input);
  };

  return (
    <FormModal<ColumnFields, Column>
      {...props}
      name={column ? 'editColumn' : 'createColumn'}
      title={t(column ? 'editColumn' : parentId ? 'createSubColumn' : 'createColumn')}
      initialValues={initialValues}
      fieldNames={fieldNames}
      onSubmit={submit}
    >
      <Form.Item name="name" label={t('columnName')} rules={[required]}>
        <Input maxLength={30} autoComplete="off" />
      </Form.Item>
      <Form.Item name="slug" label={t('columnSlug')} extra={t('columnSlugHint')} rules={[required, { pattern: slugPattern, message: t('columnSlugInvalid') }]}>
        <Input maxLength={40} autoComplete="off" spellCheck={false} />
      </Form.Item>
      <Form.Item name="parentId" label={t('columnParent')}>
        <TreeSelect treeData={parentOptions} allowClear placeholder={t('columnParentNone')} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
      </Form.Item>
      <Form.Item name="position" label={t('columnPosition')} extra={t('columnPositionHint')} rules={[{ required: true, message: tApp('required') }]}>
        <InputNumber min={0} max={10000} precision={0} />
      </Form.Item>
      <Form.Item name="listStyle" label={t('listStyle')}>
        <Radio.Group optionType="button" options={listStyles.map((style) => ({ value: style, label: t(`listStyle.${style}`) }))} />
      </Form.Item>
      <Form.Item name="inNav" label={t('inNav')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="onHome" label={t('onHome')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="description" label={t('description')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </FormModal>
  );
}
