import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Image, Spin, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { api } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import type { MediaItem } from '../media/MediaPicker.tsx';
import { activityMessages } from './messages.ts';

// The library browser loads only when someone adds a photo.
const MediaPicker = lazy(() => import('../media/MediaPicker.tsx'));

/** The server accepts up to this many photos per activity. */
const maxPhotos = 20;

interface EvidenceFieldProps {
  value?: string[];
  onChange?(ids: string[]): void;
  id?: string;
  /** Thumbnails only, e.g. in the activity's details. */
  readOnly?: boolean;
}

/** 活动照片: pictures from the media library, shown as thumbnails, added through the picker; usable as a Form.Item control. */
export function EvidenceField({ value = [], onChange, id, readOnly = false }: EvidenceFieldProps) {
  const t = useT(activityMessages);
  const [picking, setPicking] = useState(false);
  // Pictures known by id (chosen now, or loaded for an activity's saved ids).
  const [known, setKnown] = useState<Record<string, MediaItem>>({});

  const missingKey = value.filter((mediaId) => !known[mediaId]).join(',');
  useEffect(() => {
    if (!missingKey) return;
    let current = true;
    // A picture deleted from the library since simply shows no thumbnail.
    void Promise.allSettled(missingKey.split(',').map((mediaId) => api<MediaItem>('GET', `/media/${mediaId}`))).then((results) => {
      if (!current) return;
      const loaded = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      setKnown((before) => ({ ...before, ...Object.fromEntries(loaded.map((item) => [item.id, item])) }));
    });
    return () => {
      current = false;
    };
  }, [missingKey]);

  const pick = (item: MediaItem) => {
    setKnown((before) => ({ ...before, [item.id]: item }));
    if (!value.includes(item.id)) onChange?.([...value, item.id]);
    setPicking(false);
  };

  return (
    <Flex id={id} role="group" aria-label={t('evidence')} gap={8} wrap align="flex-start">
      {value.map((mediaId) => {
        const item = known[mediaId];
        const name = item?.title || item?.originalName || mediaId;
        return (
          <Flex key={mediaId} vertical align="center" gap={4} style={{ width: 104 }}>
            {item?.thumbnailUrl ? (
              <Image src={item.thumbnailUrl} alt={item.alt || name} width={96} height={72} style={{ objectFit: 'cover' }} preview={{ src: item.url }} />
            ) : (
              <Spin size="small" />
            )}
            <Typography.Text ellipsis style={{ maxWidth: 96, fontSize: 12 }}>
              {name}
            </Typography.Text>
            {!readOnly && (
              <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('evidenceRemove', { name })} onClick={() => onChange?.(value.filter((other) => other !== mediaId))} />
            )}
          </Flex>
        );
      })}
      {!readOnly && value.length < maxPhotos && (
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => setPicking(true)} style={{ height: 72 }}>
          {t('evidenceAdd')}
        </Button>
      )}
      {picking && (
        <Suspense fallback={null}>
          <MediaPicker open={picking} kind="image" onPick={pick} onCancel={() => setPicking(false)} />
        </Suspense>
      )}
    </Flex>
  );
}
