import { App, Button, Descriptions, Drawer, Grid, Modal, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { ErrorState } from '../../shared/PageState.tsx';
import { SecondaryText } from '../orgs/StatusMarks.tsx';
import { fetchRevision, fetchRevisionDiff, fetchRevisions, restoreRevision, type Article, type Column, type RevisionDetail, type RevisionDiff, type RevisionSummary } from './api.ts';
import { formatDateTime } from './date-format.ts';
import { useMediaItems } from './media-cache.ts';
import { contentMessages } from './messages.ts';
import { fieldDisplay, mediaFields, mediaIdsOf } from './revision-diff.ts';
import './RevisionsDrawer.css';

type FieldKey = `field.${'title' | 'subtitle' | 'author' | 'source' | 'columnIds' | 'coverMediaId' | 'attachmentIds' | 'tags' | 'isFocus' | 'isPinned' | 'publishAt'}`;

interface RevisionsDrawerProps {
  article: Article;
  columns: Column[];
  open: boolean;
  onClose(): void;
  /** Whether the editor holds unsaved changes that a restore would replace. */
  unsavedChanges: boolean;
  onRestored(article: Article): void;
}

type Shown = { kind: 'view'; number: number } | { kind: 'diff'; from: number; to: number };

/** 修订记录: every saved revision, the live one marked; view one, compare two, restore one as a new draft. */
export function RevisionsDrawer({ article, columns, open, onClose, unsavedChanges, onRestored }: RevisionsDrawerProps) {
  const t = useT(contentMessages);
  const tApp = useT(appMessages);
  const { message } = App.useApp();
  const narrow = !Grid.useBreakpoint().md;
  const [revisions, setRevisions] = useState<RevisionSummary[]>();
  const [error, setError] = useState<unknown>();
  const [selected, setSelected] = useState<number[]>([]);
  const [shown, setShown] = useState<Shown>();

  useEffect(() => {
    if (!open) return;
    fetchRevisions(article.id).then(
      (list) => (setRevisions(list.items), setError(undefined)),
      (err: unknown) => setError(err),
    );
  }, [open, article.id, article.revision]);

  const restore = async (number: number) => {
    try {
      const restored = await restoreRevision(article.id, number);
      message.success(t('restored', { number: restored.revision }));
      setSelected([]);
      onRestored(restored);
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
  };

  const columnsOfTable: TableColumnsType<RevisionSummary> = [
    {
      key: 'number',
      title: t('revisionNumber'),
      render: (_, revision) => (
        <Space size={4} wrap>
          <span>{t('revisionLabel', { number: revision.number })}</span>
          {revision.live && <Tag color="blue">{t('liveTag')}</Tag>}
          {revision.number === article.revision && <Tag>{t('currentTag')}</Tag>}
        </Space>
      ),
    },
    { key: 'note', dataIndex: 'note', title: t('revisionNote') },
    { key: 'by', dataIndex: 'createdByName', title: t('revisionBy') },
    { key: 'at', dataIndex: 'createdAt', title: t('revisionAt'), render: (value: string) => formatDateTime(value) },
    {
      key: 'actions',
      title: tApp('actions'),
      render: (_, revision) => (
        <Space size={0} wrap>
          <Button type="link" size="small" aria-label={`${t('view')} ${t('revisionLabel', { number: revision.number })}`} onClick={() => setShown({ kind: 'view', number: revision.number })}>
            {t('view')}
          </Button>
          {article.permissions.edit && revision.number !== article.revision && (
            <Popconfirm
              title={t('restoreConfirm', { number: revision.number })}
              description={
                <div style={{ maxWidth: 280 }}>
                  {t('restoreText')}
                  {unsavedChanges && <div>{t('conflictHint')}</div>}
                </div>
              }
              okText={tApp('confirm')}
              cancelText={tApp('cancel')}
              onConfirm={() => restore(revision.number)}
            >
              <Button type="link" size="small" aria-label={`${t('restore')}：${t('revisionLabel', { number: revision.number })}`}>
                {t('restore')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const [older, newer] = [...selected].sort((a, b) => a - b);
  return (
    <Drawer open={open} onClose={onClose} title={t('revisionsTitle')} width={narrow ? '100%' : 760} destroyOnHidden>
      {error && !revisions ? (
        <ErrorState error={error} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Button type="primary" disabled={selected.length !== 2} onClick={() => setShown({ kind: 'diff', from: older!, to: newer! })}>
              {t('compare')}
            </Button>
            <SecondaryText>{t('compareHint')}</SecondaryText>
          </Space>
          <Table<RevisionSummary>
            aria-label={t('revisionTable')}
            rowKey="number"
            size="small"
            columns={columnsOfTable}
            dataSource={revisions}
            loading={!revisions}
            pagination={false}
            scroll={{ x: 'max-content' }}
            rowSelection={{
              selectedRowKeys: selected,
              hideSelectAll: true,
              onChange: (keys) => setSelected((keys as number[]).slice(-2)),
              getCheckboxProps: (revision) => ({
                disabled: selected.length >= 2 && !selected.includes(revision.number),
                'aria-label': t('selectRevision', { number: revision.number }),
              }),
            }}
          />
        </Space>
      )}
      {shown?.kind === 'view' && <RevisionView articleId={article.id} number={shown.number} columns={columns} onClose={() => setShown(undefined)} />}
      {shown?.kind === 'diff' && <RevisionDiffView articleId={article.id} from={shown.from} to={shown.to} columns={columns} onClose={() => setShown(undefined)} />}
    </Drawer>
  );
}

/** A field's value for reading: media by file name, the rest through fieldDisplay. */
function FieldValue({ field, text, columns }: { field: string; text: string; columns: Column[] }) {
  const t = useT(contentMessages);
  const ids = mediaFields.has(field) ? mediaIdsOf(text) : [];
  const { items } = useMediaItems(ids);
  if (text === '') return <SecondaryText>{t('none')}</SecondaryText>;
  if (mediaFields.has(field)) return <>{ids.map((id) => items.get(id)?.originalName ?? id).join('、')}</>;
  return <>{fieldDisplay(field, text, { columnName: (id) => columns.find((c) => c.id === id)?.name, yes: t('yes') })}</>;
}

function useLoaded<T>(load: () => Promise<T>, key: string) {
  const [value, setValue] = useState<T>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    load().then(setValue, setError);
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps -- `key` names what `load` fetches
  return { value, error };
}

/** One revision in full: its fields and its body as the server stored it. */
function RevisionView({ articleId, number, columns, onClose }: { articleId: string; number: number; columns: Column[]; onClose(): void }) {
  const t = useT(contentMessages);
  const { value: revision, error } = useLoaded<RevisionDetail>(() => fetchRevision(articleId, number), `${articleId}/${number}`);
  const content = revision?.content;
  const row = (field: FieldKey, text: string) => ({ key: field, label: t(field), children: <FieldValue field={field.slice(6)} text={text} columns={columns} /> });
  return (
    <Modal open title={t('revisionContent', { number })} onCancel={onClose} footer={<Button onClick={onClose}>{t('close')}</Button>} width={800} destroyOnHidden>
      {error ? <ErrorState error={error} /> : null}
      {content && (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              row('field.title', content.title),
              row('field.subtitle', content.subtitle),
              row('field.author', content.author),
              row('field.source', content.source),
              row('field.columnIds', content.columnIds.join(', ')),
              row('field.coverMediaId', content.coverMediaId ?? ''),
              row('field.attachmentIds', content.attachmentIds.join(', ')),
              row('field.tags', content.tags.join('、')),
              row('field.isFocus', content.isFocus ? '✓' : ''),
              row('field.isPinned', content.isPinned ? '✓' : ''),
              row('field.publishAt', content.publishAt ?? ''),
            ]}
          />
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
            {t('body')}
          </Typography.Title>
          {/* Stored bodies passed the server's allow-list (no scripts, handlers or styles beyond alignment). */}
          <div className="revision-body" dangerouslySetInnerHTML={{ __html: content.bodyHtml }} />
        </>
      )}
    </Modal>
  );
}

/** What changed between two revisions: fields before/after, the body's text with insertions and deletions marked. */
function RevisionDiffView({ articleId, from, to, columns, onClose }: { articleId: string; from: number; to: number; columns: Column[]; onClose(): void }) {
  const t = useT(contentMessages);
  const { value: diff, error } = useLoaded<RevisionDiff>(() => fetchRevisionDiff(articleId, from, to), `${articleId}/${from}/${to}`);
  const bodyChanged = diff?.body.some((part) => part.op !== 'equal');
  return (
    <Modal open title={t('diffTitle', { from, to })} onCancel={onClose} footer={<Button onClick={onClose}>{t('close')}</Button>} width={900} destroyOnHidden>
      {error ? <ErrorState error={error} /> : null}
      {diff && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
            {t('fieldChanges')}
          </Typography.Title>
          {diff.fields.length === 0 ? (
            <SecondaryText>{t('noFieldChanges')}</SecondaryText>
          ) : (
            <Table
              aria-label={t('fieldChanges')}
              size="small"
              rowKey="field"
              pagination={false}
              dataSource={diff.fields}
              columns={[
                { key: 'field', title: t('field'), render: (_, f) => t(`field.${f.field}` as FieldKey) },
                { key: 'before', title: t('before'), render: (_, f) => <FieldValue field={f.field} text={f.before} columns={columns} /> },
                { key: 'after', title: t('after'), render: (_, f) => <FieldValue field={f.field} text={f.after} columns={columns} /> },
              ]}
            />
          )}
          <Typography.Title level={3} style={{ fontSize: 16, margin: '8px 0 0' }}>
            {t('bodyChanges')}
          </Typography.Title>
          {bodyChanged ? (
            <div className="revision-diff-body">
              {diff.body.map((part, index) =>
                // Screen readers do not announce <ins>/<del> by themselves: a hidden word says which it is.
                part.op === 'insert' ? (
                  <ins key={index}>
                    <span className="visually-hidden">{t('inserted')}</span>
                    {part.text}
                  </ins>
                ) : part.op === 'delete' ? (
                  <del key={index}>
                    <span className="visually-hidden">{t('removed')}</span>
                    {part.text}
                  </del>
                ) : (
                  <span key={index}>{part.text}</span>
                ),
              )}
            </div>
          ) : (
            <SecondaryText>{t('noBodyChanges')}</SecondaryText>
          )}
        </Space>
      )}
    </Modal>
  );
}
