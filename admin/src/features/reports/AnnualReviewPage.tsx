import { CalculatorOutlined, DownloadOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Spin, Typography } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { useBreadcrumbs } from '../../app/AppLayout.tsx';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { ErrorState } from '../../shared/PageState.tsx';
import { useUnsavedChangesGuard } from '../../shared/unsaved-changes.ts';
import { formatDateTime } from '../content/date-format.ts';
import { pageTitleStyle } from '../orgs/page-title.ts';
import { downloadReview, fetchIndicators, fetchReview, refreshReview, saveReview, type AnnualReview, type ExportFormat, type IndicatorInfo, type ReviewDocument } from './api.ts';
import { IndicatorsContext } from './FigureDetails.tsx';
import { reviewMessages } from './messages.ts';
import { PublishDialog } from './PublishDialog.tsx';
import { ReviewStatus } from './ReviewStatus.tsx';

// TipTap and ProseMirror load with the editor, not with the console.
const ReviewEditor = lazy(() => import('./ReviewEditor.tsx'));

const exportFormats: { format: ExportFormat; label: 'exportWord' | 'exportPdf' | 'exportMarkdown' }[] = [
  { format: 'docx', label: 'exportWord' },
  { format: 'pdf', label: 'exportPdf' },
  { format: 'md', label: 'exportMarkdown' },
];

/** /annual-reviews/:id: edit the text, recompute the figures, publish, export. */
export default function AnnualReviewPage() {
  const { id } = useParams();
  const t = useT(reviewMessages);
  const tApp = useT(appMessages);
  const { message, modal } = App.useApp();
  const labelId = useId();
  const [review, setReview] = useState<AnnualReview>();
  const [loadError, setLoadError] = useState<unknown>();
  const [indicators, setIndicators] = useState<Map<string, IndicatorInfo>>(new Map());
  // The editor starts afresh from the server's document whenever this changes (load, recompute).
  const [editorVersion, setEditorVersion] = useState(0);
  const [busy, setBusy] = useState<'save' | 'refresh' | 'export'>();
  const [publishing, setPublishing] = useState(false);
  // The text as edited (the editor's document) and the title (edited above it); null while unchanged.
  const edited = useRef<ReviewDocument | null>(null);
  const [title, setTitle] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  useBreadcrumbs([{ title: t('pageTitle'), to: '/annual-reviews' }, { title: review?.title ?? '…' }]);

  const load = useCallback(() => {
    if (!id) return;
    fetchReview(id).then(
      (next) => {
        setReview(next);
        edited.current = null;
        setTitle(null);
        setDirty(false);
        setEditorVersion((v) => v + 1);
      },
      (err: unknown) => setLoadError(err),
    );
  }, [id]);
  useEffect(load, [load]);
  useEffect(() => {
    fetchIndicators().then((list) => setIndicators(new Map(list.items.map((info) => [info.code, info]))), () => undefined);
  }, []);

  useUnsavedChangesGuard(() => dirty, dirty, { title: t('leaveUnsaved'), leave: t('leave'), stay: t('stay') });

  const onChange = useCallback((document: ReviewDocument) => {
    edited.current = document;
    setDirty(true);
  }, []);

  const run = async (action: NonNullable<typeof busy>, work: () => Promise<void>) => {
    setBusy(action);
    try {
      await work();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'REVIEW_EDIT_CONFLICT') modal.error({ title: err.message, okText: tApp('confirm') });
      else message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(undefined);
    }
  };

  const save = () =>
    run('save', async () => {
      if (!review) return;
      const document = { ...(edited.current ?? review.document), title: title ?? review.title };
      const saved = await saveReview(review.id, { document, baseRevision: review.revision });
      // The editor keeps what is on screen; the revision and stamps follow the server.
      setReview(saved);
      edited.current = null;
      setTitle(null);
      setDirty(false);
      message.success(t('saved'));
    });
  const refresh = () =>
    run('refresh', async () => {
      const next = await refreshReview(review!.id, review!.revision);
      setReview(next);
      setEditorVersion((v) => v + 1);
      message.success(t('refreshed'));
    });
  const exportAs = (format: ExportFormat) =>
    run('export', async () => {
      try {
        await downloadReview(review!, format);
      } catch (err) {
        throw new Error(t('exportFailed', { message: err instanceof Error ? err.message : String(err) }));
      }
    });

  if (loadError && !review) return <ErrorState error={loadError} onRetry={load} />;
  if (!review) return <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;
  const canEdit = review.permissions.edit;

  const actions = (
    <Space wrap>
      {canEdit && (
        <Button type="primary" icon={<SaveOutlined aria-hidden />} loading={busy === 'save'} disabled={!dirty || (!!busy && busy !== 'save')} onClick={() => void save()}>
          {t('save')}
        </Button>
      )}
      {canEdit && (
        <Popconfirm title={dirty ? t('refreshNeedsSave') : t('refreshConfirm')} okText={tApp('confirm')} cancelText={tApp('cancel')} okButtonProps={{ disabled: dirty }} onConfirm={() => void refresh()}>
          <Button icon={<CalculatorOutlined aria-hidden />} loading={busy === 'refresh'} disabled={!!busy}>
            {t('refresh')}
          </Button>
        </Popconfirm>
      )}
      {review.permissions.publish && (
        <Button icon={<SendOutlined aria-hidden />} disabled={!!busy} title={dirty ? t('publishNeedsSave') : undefined} onClick={() => (dirty ? message.warning(t('publishNeedsSave')) : setPublishing(true))}>
          {t('publish')}
        </Button>
      )}
      {exportFormats.map((f) => (
        <Button key={f.format} icon={<DownloadOutlined aria-hidden />} disabled={!!busy} onClick={() => void exportAs(f.format)}>
          {t(f.label)}
        </Button>
      ))}
    </Space>
  );

  // The title is long (南阳市科协2024年工作回顾：…): it gets the page's width, with the actions under it.
  return (
    <Card>
      <Space direction="vertical" size="small" style={{ width: '100%', marginBottom: 16 }}>
        <Typography.Title
          level={1}
          style={pageTitleStyle}
          editable={
            canEdit && {
              text: title ?? review.title,
              tooltip: t('editTitle'),
              maxLength: 200,
              onChange: (next) => {
                if (!next.trim() || next === (title ?? review.title)) return;
                setTitle(next.trim());
                setDirty(true);
              },
            }
          }
        >
          {title ?? review.title}
        </Typography.Title>
        <Space size="small" wrap>
          <ReviewStatus article={review.article} />
          <Typography.Text type="secondary">{t('savedBy', { name: review.updatedByName, time: formatDateTime(review.updatedAt) })}</Typography.Text>
          {dirty && <Typography.Text type="warning">{t('unsaved')}</Typography.Text>}
        </Space>
        {actions}
      </Space>
      {!canEdit && <Typography.Paragraph type="secondary">{t('readOnly')}</Typography.Paragraph>}
      <Typography.Paragraph id={labelId} strong>
        {t('editorLabel')}
      </Typography.Paragraph>
      <IndicatorsContext.Provider value={indicators}>
        <Suspense fallback={<Spin />}>
          <ReviewEditor key={editorVersion} document={review.document} editable={canEdit} onChange={onChange} labelId={labelId} />
        </Suspense>
      </IndicatorsContext.Provider>
      {publishing && (
        <PublishDialog
          review={review}
          onCancel={() => setPublishing(false)}
          onDone={(next) => {
            setPublishing(false);
            setReview(next);
            message.success(t('published'));
          }}
        />
      )}
    </Card>
  );
}
