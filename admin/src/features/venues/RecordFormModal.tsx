import type { ReactNode } from 'react';
import { useT } from '../../app/i18n.tsx';
import { FormModal, type DialogControl } from '../../shared/FormModal.tsx';
import { venueMessages } from './messages.ts';

type VenueMessageKey = keyof (typeof venueMessages)['zh-CN'];

interface RecordFormModalProps<V extends object, R extends { id: string }, I> extends DialogControl {
  /** The record to correct; a new one when absent. */
  record?: R;
  /** The dialog's titles for a new record and a correction; they also name the form, keeping its field ids apart. */
  titles: { create: VenueMessageKey; edit: VenueMessageKey };
  initialValues: Partial<V>;
  fieldNames: (keyof V & string)[];
  toInput(values: V): I;
  create(input: I): Promise<R>;
  update(id: string, input: I): Promise<R>;
  onSaved(record: R): void;
  children: ReactNode;
}

/** 新增… / 编辑… for one of the museum system's records: the same fields either way, saved as a new record or over the given one. */
export function RecordFormModal<V extends object, R extends { id: string }, I>({ record, titles, toInput, create, update, ...form }: RecordFormModalProps<V, R, I>) {
  const t = useT(venueMessages);
  const titleKey = record ? titles.edit : titles.create;
  return (
    <FormModal<V, R>
      {...form}
      name={titleKey}
      title={t(titleKey)}
      onSubmit={(values) => {
        const input = toInput(values);
        return record ? update(record.id, input) : create(input);
      }}
    />
  );
}
