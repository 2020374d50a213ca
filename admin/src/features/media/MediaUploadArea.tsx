import { CloseOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, List, Progress, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { ApiError } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { acceptedByKind, uploadMedia, type MediaItem, type MediaKind } from './api.ts';
import { mediaMessages } from './messages.ts';

interface UploadTask {
  id: string;
  name: string;
  percent: number;
  status: 'uploading' | 'done' | 'failed';
  error?: string;
}

let taskSequence = 0;

/**
 * Drag-and-drop (or click) upload of one or more files of one kind, each with
 * its own progress bar, cancel button and, on refusal, the server's reason.
 */
export function MediaUploadArea({ kind, onUploaded }: { kind: MediaKind; onUploaded(item: MediaItem): void }) {
  const t = useT(mediaMessages);
  const [tasks, setTasks] = useState<UploadTask[]>([]);
  const cancels = useRef(new Map<string, AbortController>());

  const patch = (id: string, change: Partial<UploadTask>) => setTasks((all) => all.map((task) => (task.id === id ? { ...task, ...change } : task)));

  const start = (file: File) => {
    const id = `upload-${++taskSequence}`;
    const controller = new AbortController();
    cancels.current.set(id, controller);
    // Newest first; finished uploads drop off once the list grows long.
    setTasks((all) => [{ id, name: file.name, percent: 0, status: 'uploading' as const }, ...all.filter((task) => task.status !== 'done')].slice(0, 8));
    uploadMedia(file, (fraction) => patch(id, { percent: Math.round(fraction * 100) }), controller.signal).then(
      (item) => {
        patch(id, { status: 'done', percent: 100 });
        onUploaded(item);
      },
      (err: unknown) => {
        if (err instanceof DOMException && err.name === 'AbortError') {
          setTasks((all) => all.filter((task) => task.id !== id));
          return;
        }
        const reason = err instanceof ApiError && err.code !== 'NETWORK' ? err.message : t('networkError');
        patch(id, { status: 'failed', error: t('uploadFailed', { name: file.name, reason }) });
      },
    ).finally(() => cancels.current.delete(id));
  };

  return (
    <div>
      <Upload.Dragger
        multiple
        accept={acceptedByKind[kind]}
        showUploadList={false}
        // Each file is sent by start(); returning false stops antd's own request.
        beforeUpload={(file) => {
          start(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p className="ant-upload-text">{t('dropTitle')}</p>
        <p className="ant-upload-hint">{t(kind === 'image' ? 'dropHintImage' : 'dropHintAttachment')}</p>
      </Upload.Dragger>
      {tasks.length > 0 && (
        <List
          size="small"
          dataSource={tasks}
          rowKey={(task) => task.id}
          renderItem={(task) => (
            <List.Item
              actions={
                task.status === 'uploading'
                  ? [<Button key="cancel" type="text" size="small" icon={<CloseOutlined aria-hidden />} aria-label={`${t('cancelUpload')} ${task.name}`} onClick={() => cancels.current.get(task.id)?.abort()} />]
                  : []
              }
            >
              <div style={{ width: '100%' }}>
                {task.status === 'failed' ? (
                  <Typography.Text type="danger" role="alert">
                    {task.error}
                  </Typography.Text>
                ) : (
                  <>
                    <Typography.Text>{t(task.status === 'done' ? 'uploaded' : 'uploading', { name: task.name })}</Typography.Text>
                    <Progress percent={task.percent} size="small" status={task.status === 'done' ? 'success' : 'active'} aria-label={task.name} />
                  </>
                )}
              </div>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
