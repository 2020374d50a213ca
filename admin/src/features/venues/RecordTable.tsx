import { PlusOutlined } from '@ant-design/icons';
import { Button, type TableColumnsType } from 'antd';
import { Fragment, useState, type ReactNode } from 'react';
import type { Page, Query } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import type { DialogControl } from '../../shared/FormModal.tsx';
import { ServerTable } from '../../shared/ServerTable.tsx';
import { useDialogState } from '../../shared/dialog-state.ts';
import { RecordActions } from './RecordActions.tsx';

/** Who may add, correct and delete the museum system's records. */
export function useCanWriteRecords() {
  return useAuth().hasRole('admin', 'reporter');
}

/** How a table's rows are corrected and deleted; each label names the row. */
export interface RowEditing<R> {
  /** Names the row for screen readers (“…”的操作). */
  name(record: R): string;
  deleteTitle(record: R): string;
  deleteText?: string;
  remove(record: R): Promise<void>;
}

/** What the table hands its form dialog: the record to correct (none for 新增), the dialog's control, and what to do once saved. */
export interface RecordFormSlot<R> extends DialogControl {
  record?: R;
  onSaved(): void;
}

interface RecordTableProps<R extends { id: string }> {
  ariaLabel: string;
  paramPrefix: string;
  fetchPage(query: Query): Promise<Page<R>>;
  /** The record's own columns; 操作 is added after them. */
  columns: TableColumnsType<R>;
  emptyDescription: string;
  filters?: ReactNode;
  /** Bumped from outside to load the rows again, e.g. after an import. */
  reloadKey?: number;
  createLabel: string;
  /** Writers' buttons after 新增, such as an import. */
  writerToolbar?: ReactNode;
  /** Everyone's links after those, such as 预约. */
  toolbar?: ReactNode;
  editing: RowEditing<R>;
  /** A link before 编辑 on every row, and all that readers see in 操作 (出车记录, 站点). */
  rowLink?(record: R): ReactNode;
  /** Rows kept elsewhere show this instead of 编辑/删除 (a booked group's visit links to 预约). */
  lockedRow?(record: R): ReactNode;
  /** The record's form dialog: 新增 when the slot has no record. */
  renderForm(slot: RecordFormSlot<R>): ReactNode;
}

/**
 * A paginated table of one kind of record with what writers do to it: 新增
 * above, 编辑 and 删除 on each row, and the record's form dialog. Readers see
 * 操作 only where a row has a link to offer.
 */
export function RecordTable<R extends { id: string }>({ ariaLabel, paramPrefix, fetchPage, columns, emptyDescription, filters, reloadKey = 0, createLabel, writerToolbar, toolbar, editing, rowLink, lockedRow, renderForm }: RecordTableProps<R>) {
  const tApp = useT(appMessages);
  const canWrite = useCanWriteRecords();
  const [changes, setChanges] = useState(0);
  const form = useDialogState<{ record?: R }>();
  const reload = () => setChanges((n) => n + 1);

  const rowActions = (record: R) => {
    const locked = lockedRow?.(record);
    if (locked) return locked;
    if (!canWrite) return rowLink?.(record);
    return (
      <RecordActions
        name={editing.name(record)}
        extra={rowLink?.(record)}
        onEdit={() => form.show({ record })}
        deleteTitle={editing.deleteTitle(record)}
        deleteText={editing.deleteText}
        onDelete={async () => {
          await editing.remove(record);
          reload();
        }}
      />
    );
  };
  const showsActions = canWrite || Boolean(rowLink || lockedRow);

  return (
    <>
      <ServerTable<R>
        ariaLabel={ariaLabel}
        paramPrefix={paramPrefix}
        fetchPage={fetchPage}
        columns={showsActions ? [...columns, { key: 'actions', title: tApp('actions'), render: (_, record) => rowActions(record) }] : columns}
        rowKey={(record) => record.id}
        reloadKey={changes + reloadKey}
        emptyDescription={emptyDescription}
        filters={filters}
        toolbar={() => (
          <>
            {canWrite && (
              <>
                <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => form.show({})}>
                  {createLabel}
                </Button>
                {writerToolbar}
              </>
            )}
            {toolbar}
          </>
        )}
      />
      {form.subject && (
        // A fresh dialog (and form) for each record.
        <Fragment key={form.subject.record?.id ?? 'create'}>{renderForm({ record: form.subject.record, open: form.open, onClose: form.hide, afterClose: form.afterClose, onSaved: reload })}</Fragment>
      )}
    </>
  );
}
