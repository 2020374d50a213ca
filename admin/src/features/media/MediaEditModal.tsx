import { Form, Input } from 'antd';
import { useT } from '../../app/i18n.tsx';
import { FormModal, type DialogControl } from '../../shared/FormModal.tsx';
import { updateMedia, type MediaChanges, type MediaItem } from './api.ts';
import { mediaMessages } from './messages.ts';

/** Edits an item's alt text (images) and title. */
export function MediaEditModal({ item, onSaved, ...dialog }: DialogControl & { item: MediaItem; onSaved(item: MediaItem): void }) {
  const t = useT(mediaMessages);
  const isImage = item.kind === 'image';
  return (
    <FormModal<Required<MediaChanges>, MediaItem>
      {...dialog}
      title={t('editTitle', { name: item.originalName })}
      name="media-edit"
      initialValues={{ alt: item.alt, title: item.title }}
      fieldNames={isImage ? ['alt', 'title'] : ['title']}
      onSubmit={(values) => updateMedia(item.id, values)}
      onSaved={onSaved}
      intro={isImage && item.thumbnailUrl ? <img src={item.thumbnailUrl} alt="" style={{ maxWidth: '100%', maxHeight: 200, display: 'block', margin: '0 auto 16px' }} /> : undefined}
    >
      {isImage && (
        <Form.Item name="alt" label={t('alt')} extra={t('altHelp')} rules={[{ max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount />
        </Form.Item>
      )}
      <Form.Item name="title" label={t('fileTitle')} rules={[{ max: 200 }]}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
