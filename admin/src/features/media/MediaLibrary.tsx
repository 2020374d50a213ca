import { FileExcelOutlined, FilePdfOutlined, FileWordOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, List, Pagination, Popconfirm, Segmented, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Page } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { useDialogState } from '../../shared/dialog-state.ts';
import { EmptyState, ErrorState } from '../../shared/PageState.tsx';
import { deleteMedia, fetchMedia, formatBytes, type MediaItem, type MediaKind } from './api.ts';
import { MediaEditModal } from './MediaEditModal.tsx';
import { MediaUploadArea } from './MediaUploadArea.tsx';
import { mediaMessages } from './messages.ts';

const pageSizes: Record<MediaKind, number> = { image: 24, attachment: 20 };

function AttachmentIcon({ mimeType }: { mimeType: string }) {
  const style = { fontSize: 24 };
  if (mimeType === 'application/pdf') return <FilePdfOutlined aria-hidden style={{ ...style, color: '#cf1322' }} />;
  if (mimeType.includes('word')) return <FileWordOutlined aria-hidden style={{ ...style, color: '#0958d9' }} />;
  if (mimeType.includes('excel') || mimeType.includes('spreadsheet')) return <FileExcelOutlined aria-hidden style={{ ...style, color: '#237804' }} />;
  return <PaperClipOutlined aria-hidden style={style} />;
}

export interface MediaLibraryProps {
  /** Shows only this kind, without the kind switch (the picker); otherwise the user switches. */
  kind?: MediaKind;
  /** Picker mode: each item gets a 选用 button instead of edit and delete. */
  onPick?(item: MediaItem): void;
}

/**
 * The library's browser, shared by the library page and the picker: search,
 * upload in place, images as a grid of thumbnails and attachments as a list.
 */
export function MediaLibrary({ kind: fixedKind, onPick }: MediaLibraryProps) {
  const t = useT(mediaMessages);
  const tApp = useT(appMessages);
  const { message } = App.useApp();
  const [chosenKind, setChosenKind] = useState<MediaKind>('image');
  const kind = fixedKind ?? chosenKind;
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<MediaItem>>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [reloadKey, setReloadKey] = useState(0);
  const editing = useDialogState<MediaItem>();
  const reload = useCallback(() => setReloadKey((n) => n + 1), []);

  useEffect(() => {
    let current = true;
    setLoading(true);
    fetchMedia({ kind, q, page, pageSize: pageSizes[kind] })
      .then(
        (result) => current && (setData(result), setError(undefined)),
        (err: unknown) => current && setError(err),
      )
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [kind, q, page, reloadKey]);

  const remove = async (item: MediaItem) => {
    try {
      await deleteMedia(item.id);
      message.success(t('deleted'));
      reload();
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
  };

  const actionsFor = (item: MediaItem): ReactNode[] =>
    onPick
      ? [
          <Button key="pick" type="link" size="small" onClick={() => onPick(item)} aria-label={`${t('pick')} ${item.originalName}`}>
            {t('pick')}
          </Button>,
        ]
      : [
          <Button key="edit" type="link" size="small" onClick={() => editing.show(item)} aria-label={`${t('edit')} ${item.originalName}`}>
            {t('edit')}
          </Button>,
          <Popconfirm key="delete" title={t('deleteConfirm', { name: item.originalName })} description={t('deleteConfirmText')} okText={tApp('confirm')} cancelText={tApp('cancel')} onConfirm={() => remove(item)}>
            <Button type="link" size="small" danger aria-label={`${t('delete')} ${item.originalName}`}>
              {t('delete')}
            </Button>
          </Popconfirm>,
        ];

  const imageCard = (item: MediaItem) => (
    <List.Item>
      <Card
        size="small"
        cover={
          <div style={{ aspectRatio: '4 / 3', background: '#f5f5f5', display: 'flex', alignItems: 'center', justifyContent: 'center', overflow: 'hidden' }}>
            <img src={item.thumbnailUrl ?? item.url} alt={item.alt} loading="lazy" style={{ maxWidth: '100%', maxHeight: '100%', objectFit: 'contain' }} />
          </div>
        }
        actions={actionsFor(item)}
      >
        <Typography.Text ellipsis={{ tooltip: item.originalName }} style={{ display: 'block' }}>
          {item.title || item.originalName}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('size', { width: item.width ?? 0, height: item.height ?? 0, bytes: formatBytes(item.bytes) })}
        </Typography.Text>
        {!item.alt && (
          <Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }}>
            {t('noAlt')}
          </Typography.Text>
        )}
      </Card>
    </List.Item>
  );

  const attachmentRow = (item: MediaItem) => (
    <List.Item
      actions={[
        <a key="download" href={item.url} aria-label={`${t('download')} ${item.originalName}`}>
          {t('download')}
        </a>,
        ...actionsFor(item),
      ]}
    >
      <List.Item.Meta
        avatar={<AttachmentIcon mimeType={item.mimeType} />}
        title={item.title || item.originalName}
        description={`${item.title ? `${item.originalName} · ` : ''}${formatBytes(item.bytes)} · ${t('uploadedAt', { time: dayjs(item.createdAt).format('YYYY-MM-DD HH:mm') })}`}
      />
    </List.Item>
  );

  const results = () => {
    if (error) return <ErrorState error={error} onRetry={reload} />;
    if (data && data.total === 0 && !loading) return <EmptyState description={t(q ? 'emptySearch' : 'empty')} />;
    return (
      <Spin spinning={loading}>
        {kind === 'image' ? (
          <List grid={{ gutter: 16, xs: 2, sm: 3, md: 4, lg: 4, xl: 6, xxl: 6 }} dataSource={data?.items ?? []} rowKey={(item) => item.id} renderItem={imageCard} aria-label={t('listLabel')} />
        ) : (
          <List dataSource={data?.items ?? []} rowKey={(item) => item.id} renderItem={attachmentRow} aria-label={t('listLabel')} />
        )}
        {data && data.total > data.pageSize && (
          <Flex justify="end" style={{ marginTop: 16 }}>
            <Pagination current={page} pageSize={data.pageSize} total={data.total} showSizeChanger={false} onChange={setPage} />
          </Flex>
        )}
      </Spin>
    );
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Flex gap="middle" wrap align="center">
        {!fixedKind && (
          <Segmented<MediaKind>
            aria-label={t('kindLabel')}
            value={chosenKind}
            options={[
              { value: 'image', label: t('images') },
              { value: 'attachment', label: t('attachments') },
            ]}
            onChange={(next) => {
              setChosenKind(next);
              setPage(1);
            }}
          />
        )}
        <Input.Search
          aria-label={t('searchLabel')}
          placeholder={t('search')}
          allowClear
          enterButton={tApp('search')}
          style={{ maxWidth: 360 }}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
        />
      </Flex>
      <MediaUploadArea
        kind={kind}
        onUploaded={() => {
          setPage(1);
          reload();
        }}
      />
      {results()}
      {editing.subject && (
        <MediaEditModal item={editing.subject} open={editing.open} onClose={editing.hide} afterClose={editing.afterClose} onSaved={reload} />
      )}
    </Space>
  );
}
