import { DeleteOutlined, PaperClipOutlined, PictureOutlined } from '@ant-design/icons';
import { Button, Image, List, Space, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useT } from '../../app/i18n.tsx';
import type { MediaItem, MediaKind } from '../media/MediaPicker.tsx';
import { contentMessages } from './messages.ts';
import { useMediaItems } from './media-cache.ts';

const MediaPicker = lazy(() => import('../media/MediaPicker.tsx'));

function Picker({ kind, onPick, onCancel }: { kind: MediaKind; onPick(item: MediaItem): void; onCancel(): void }) {
  return (
    <Suspense fallback={null}>
      <MediaPicker open kind={kind} onPick={onPick} onCancel={onCancel} />
    </Suspense>
  );
}

interface FieldProps<V> {
  id?: string;
  value?: V;
  onChange?(value: V): void;
  disabled?: boolean;
}

/** 封面: one image from the library, shown small, with choose/change and remove. */
export function CoverField({ id, value, onChange, disabled }: FieldProps<string | null>) {
  const t = useT(contentMessages);
  const [picking, setPicking] = useState(false);
  const { items, remember } = useMediaItems(value ? [value] : []);
  const cover = value ? items.get(value) : undefined;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {cover && <Image src={cover.thumbnailUrl ?? cover.url} alt={cover.alt || cover.originalName} width={160} style={{ objectFit: 'cover' }} />}
      <Space wrap>
        <Button id={id} icon={<PictureOutlined aria-hidden />} onClick={() => setPicking(true)} disabled={disabled}>
          {t(value ? 'changeCover' : 'chooseCover')}
        </Button>
        {value && (
          <Button danger onClick={() => onChange?.(null)} disabled={disabled}>
            {t('removeCover')}
          </Button>
        )}
      </Space>
      {picking && (
        <Picker
          kind="image"
          onCancel={() => setPicking(false)}
          onPick={(item) => {
            remember(item);
            setPicking(false);
            onChange?.(item.id);
          }}
        />
      )}
    </Space>
  );
}

/** 附件: documents from the library, in order, each removable. */
export function AttachmentsField({ id, value = [], onChange, disabled }: FieldProps<string[]>) {
  const t = useT(contentMessages);
  const [picking, setPicking] = useState(false);
  const { items, remember } = useMediaItems(value);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {value.length > 0 && (
        <List
          size="small"
          bordered
          dataSource={value}
          renderItem={(mediaId) => {
            const name = items.get(mediaId)?.originalName ?? mediaId;
            return (
              <List.Item
                actions={[
                  <Button key="remove" type="text" danger size="small" icon={<DeleteOutlined aria-hidden />} aria-label={t('removeAttachment', { name })} title={t('removeAttachment', { name })} disabled={disabled} onClick={() => onChange?.(value.filter((other) => other !== mediaId))} />,
                ]}
              >
                <Typography.Text ellipsis style={{ maxWidth: 220 }}>
                  <PaperClipOutlined aria-hidden /> {name}
                </Typography.Text>
              </List.Item>
            );
          }}
        />
      )}
      <Button id={id} icon={<PaperClipOutlined aria-hidden />} onClick={() => setPicking(true)} disabled={disabled || value.length >= 30}>
        {t('addAttachment')}
      </Button>
      {picking && (
        <Picker
          kind="attachment"
          onCancel={() => setPicking(false)}
          onPick={(item) => {
            remember(item);
            setPicking(false);
            if (!value.includes(item.id)) onChange?.([...value, item.id]);
          }}
        />
      )}
    </Space>
  );
}
