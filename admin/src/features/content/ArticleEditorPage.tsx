import { EyeOutlined, HistoryOutlined, RollbackOutlined, SaveOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Form, Grid, Input, Popconfirm, Row, Select, Space, Spin, Switch, Typography, type SelectProps } from 'antd';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { useBreadcrumbs } from '../../app/AppLayout.tsx';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { ErrorState } from '../../shared/PageState.tsx';
import { applyServerErrors } from '../../shared/server-errors.ts';
import { useUnsavedChangesGuard } from '../../shared/unsaved-changes.ts';
import { pageTitleStyle } from '../orgs/page-title.ts';
import { createArticle, fetchArticle, previewUrl, recallArticle, saveArticle, submitArticle, useColumns, withdrawArticle, type Article } from './api.ts';
import { articleFormFields, contentOf, emptyArticleForm, formValuesOf, type ArticleFormValues } from './article-form.ts';
import { ArticleBanner } from './ArticleBanner.tsx';
import { AttachmentsField, CoverField } from './ArticleMediaFields.tsx';
import { bodyImageIds, withImageSources } from './body-images.ts';
import { columnPath } from './column-tree.ts';
import { imageUrls } from './media-cache.ts';
import { contentMessages } from './messages.ts';
import RichTextEditor from './RichTextEditor.tsx';
import { RevisionsDrawer } from './RevisionsDrawer.tsx';
import { WithdrawDialog } from './WithdrawDialog.tsx';

/** /articles/new and /articles/:id. Keyed by id, so saving a new article (which gives it an id) starts afresh from the server's copy. */
export default function ArticleEditorPage() {
  const { id } = useParams();
  return <ArticleEditor key={id ?? 'new'} id={id} />;
}

/**
 * The article's columns, primary first. Ant Design copies a required field's
 * aria-required onto the select's outer div, where it is not allowed; the
 * field still shows as required and its error is announced.
 */
function ColumnsSelect({ 'aria-required': _required, ...props }: SelectProps<string[]> & { 'aria-required'?: unknown }) {
  return <Select {...props} mode="multiple" showSearch optionFilterProp="label" maxCount={5} />;
}

/** An article as loaded: the server's copy and the body with its image sources filled in for the editor. */
interface Loaded {
  article: Article | null;
  editorHtml: string;
  /** Changes whenever the editor must start again from `editorHtml` (after a reload or a restore). */
  version: number;
}

async function load(id: string | undefined, version: number): Promise<Loaded> {
  if (!id) return { article: null, editorHtml: '', version };
  const article = await fetchArticle(id);
  const urls = await imageUrls(bodyImageIds(article.bodyHtml));
  return { article, editorHtml: withImageSources(article.bodyHtml, urls), version };
}

function ArticleEditor({ id }: { id?: string }) {
  const t = useT(contentMessages);
  const tApp = useT(appMessages);
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const narrow = !Grid.useBreakpoint().md;
  const bodyLabelId = useId();
  const [form] = Form.useForm<ArticleFormValues>();
  const { columns } = useColumns();
  const [loaded, setLoaded] = useState<Loaded>();
  const [loadError, setLoadError] = useState<unknown>();
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState<'save' | 'submit' | 'recall' | 'withdraw'>();
  const [withdrawing, setWithdrawing] = useState(false);
  const [showRevisions, setShowRevisions] = useState(false);
  const body = useRef('');
  // A ref as well as state: the navigation guard and the save that navigates read it at once.
  const dirtyRef = useRef(false);
  const [dirty, setDirtyState] = useState(false);
  const setDirty = useCallback((value: boolean) => {
    dirtyRef.current = value;
    setDirtyState(value);
  }, []);

  const article = loaded?.article ?? null;
  const canEdit = !id || (article?.permissions.edit ?? false);
  useBreadcrumbs([{ title: t('articlesTitle'), to: '/articles' }, { title: article?.title || t(id ? 'editArticleTitle' : 'newArticleTitle') }]);

  /** Loads the server's copy into the form and the editor (both start afresh), dropping local edits. */
  const reload = useCallback(
    (version = 0) =>
      load(id, version).then(
        (next) => {
          setLoaded(next);
          body.current = next.editorHtml;
          setProblems([]);
          setDirty(false);
          setLoadError(undefined);
          return next;
        },
        (err: unknown) => {
          setLoadError(err);
          return undefined;
        },
      ),
    [id, setDirty],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  // A reload or a restore replaces the form's values too (the form keeps its own until told to reset).
  const version = loaded?.version;
  useEffect(() => {
    if (version !== undefined) form.resetFields();
  }, [form, version]);

  useUnsavedChangesGuard(() => dirtyRef.current, dirty, { title: t('unsavedLeave'), leave: t('leave'), stay: t('stay') });

  const showFailure = (err: unknown) => {
    if (err instanceof ApiError && err.code === 'ARTICLE_EDIT_CONFLICT') {
      modal.confirm({
        title: t('conflictTitle'),
        content: (
          <>
            <p>{err.message}</p>
            <p>{t('conflictHint')}</p>
          </>
        ),
        okText: t('reload'),
        cancelText: t('keepEditing'),
        onOk: () => reload((loaded?.version ?? 0) + 1).then((next) => next?.article && message.info(t('reloaded', { number: next.article.revision }))),
      });
      return;
    }
    const unclaimed = applyServerErrors(form, err, articleFormFields);
    setProblems(unclaimed);
    message.error(err instanceof Error ? err.message : String(err));
  };

  /** Saves the form and the body as a new revision; a new article is created and opened at its own address. */
  const save = async (): Promise<Article | undefined> => {
    let values: ArticleFormValues;
    try {
      values = await form.validateFields();
    } catch {
      message.error(tApp('formHasErrors'));
      return undefined;
    }
    setProblems([]);
    const content = contentOf(values, body.current);
    if (!article) {
      const created = await createArticle(content);
      setDirty(false);
      message.success(t('savedRevision', { number: created.revision }));
      navigate(`/articles/${created.id}`, { replace: true });
      return undefined;
    }
    const saved = await saveArticle(article.id, { ...content, baseRevision: article.revision });
    // The editor keeps what is on screen (with its image sources); the rest follows the server's copy.
    setLoaded((before) => before && { ...before, article: saved });
    form.setFieldsValue(formValuesOf(saved));
    setDirty(false);
    message.success(t('savedRevision', { number: saved.revision }));
    return saved;
  };

  const run = async (action: NonNullable<typeof busy>, work: () => Promise<void>) => {
    setBusy(action);
    try {
      await work();
    } catch (err) {
      showFailure(err);
    } finally {
      setBusy(undefined);
    }
  };

  const accept = (next: Article, done: string) => {
    setLoaded((before) => before && { ...before, article: next });
    message.success(done);
  };

  const onSave = () => run('save', async () => void (await save()));
  const onSubmit = () =>
    run('submit', async () => {
      // What reviewers read is what is saved: unsaved edits are saved first.
      const current = dirtyRef.current ? await save() : article;
      if (current) accept(await submitArticle(current.id), t('submitted'));
    });
  const onRecall = () => run('recall', async () => accept(await recallArticle(article!.id), t('recalled')));
  const onWithdraw = (reason: string) =>
    run('withdraw', async () => {
      accept(await withdrawArticle(article!.id, reason || undefined), t('withdrawn'));
      setWithdrawing(false);
    });

  // Ctrl+S (⌘S) saves, as in Word.
  const saveShortcut = useRef(onSave);
  saveShortcut.current = onSave;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        if (canEdit) void saveShortcut.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canEdit]);

  const columnOptions = useMemo(() => (columns ?? []).map((column) => ({ value: column.id, label: columnPath(columns!, column.id) })), [columns]);

  if (loadError && !loaded) return <ErrorState error={loadError} onRetry={() => void reload()} />;
  if (!loaded) return <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;

  const permissions = article?.permissions;
  const actions = (
    <Space wrap>
      {canEdit && (
        <Button type="primary" icon={<SaveOutlined aria-hidden />} loading={busy === 'save'} disabled={!!busy && busy !== 'save'} onClick={onSave}>
          {t('save')}
        </Button>
      )}
      {permissions?.submit && (
        <Button icon={<SendOutlined aria-hidden />} loading={busy === 'submit'} disabled={!!busy} onClick={onSubmit}>
          {t('submit')}
        </Button>
      )}
      {permissions?.recall && (
        <Popconfirm title={t('recallConfirm')} okText={tApp('confirm')} cancelText={tApp('cancel')} onConfirm={onRecall}>
          <Button icon={<RollbackOutlined aria-hidden />} loading={busy === 'recall'} disabled={!!busy}>
            {t('recall')}
          </Button>
        </Popconfirm>
      )}
      {article && (
        <Button icon={<EyeOutlined aria-hidden />} title={dirty ? t('previewShowsSaved') : undefined} onClick={() => window.open(previewUrl(article.id), '_blank', 'noopener')}>
          {t('preview')}
        </Button>
      )}
      {article && (
        <Button icon={<HistoryOutlined aria-hidden />} onClick={() => setShowRevisions(true)}>
          {t('revisions')}
        </Button>
      )}
      {permissions?.withdraw && (
        <Button danger icon={<StopOutlined aria-hidden />} disabled={!!busy} onClick={() => setWithdrawing(true)}>
          {t('withdraw')}
        </Button>
      )}
    </Space>
  );

  return (
    <Card
      size={narrow ? 'small' : 'default'}
      title={
        <Typography.Title level={1} style={pageTitleStyle}>
          {t(id ? 'editArticleTitle' : 'newArticleTitle')}
        </Typography.Title>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {actions}
        {article && <ArticleBanner article={article} />}
        {!canEdit && <Alert type="info" message={t('readOnlyHint')} />}
        {problems.length > 0 && <Alert type="error" showIcon message={problems.join('；')} />}
        <Form<ArticleFormValues>
          form={form}
          name="article"
          layout="vertical"
          initialValues={article ? formValuesOf(article) : emptyArticleForm}
          disabled={!canEdit}
          onValuesChange={() => setDirty(true)}
          requiredMark
        >
          <Row gutter={24}>
            <Col xs={24} lg={17}>
              <Form.Item name="title" label={t('title')} rules={[{ required: true, whitespace: true, message: tApp('required') }]}>
                <Input size="large" maxLength={200} showCount />
              </Form.Item>
              <Form.Item name="subtitle" label={t('subtitle')}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item label={<span id={bodyLabelId}>{t('body')}</span>}>
                <RichTextEditor
                  key={loaded.version}
                  initialHtml={loaded.editorHtml}
                  editable={canEdit}
                  labelId={bodyLabelId}
                  onChange={(html) => {
                    body.current = html;
                    setDirty(true);
                  }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} lg={7}>
              <Form.Item name="columnIds" label={t('columns')} extra={t('columnsHint')} rules={[{ required: true, type: 'array', min: 1, message: t('columnsRequired') }]}>
                <ColumnsSelect options={columnOptions} loading={!columns} />
              </Form.Item>
              <Form.Item name="author" label={t('author')}>
                <Input maxLength={60} />
              </Form.Item>
              <Form.Item name="source" label={t('source')}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="publishAt" label={t('publishAt')} extra={t('publishAtHint')}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
              <Space size="large">
                <Form.Item name="isFocus" label={t('isFocus')} valuePropName="checked">
                  <Switch />
                </Form.Item>
                <Form.Item name="isPinned" label={t('isPinned')} valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Space>
              <Form.Item name="tags" label={t('tags')} extra={t('tagsHint')}>
                <Select mode="tags" tokenSeparators={[',', '，', '、']} maxCount={10} open={false} suffixIcon={null} />
              </Form.Item>
              <Form.Item name="coverMediaId" label={t('cover')}>
                <CoverField />
              </Form.Item>
              <Form.Item name="attachmentIds" label={t('attachments')}>
                <AttachmentsField />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Space>
      {article && (
        <RevisionsDrawer
          article={article}
          columns={columns ?? []}
          open={showRevisions}
          onClose={() => setShowRevisions(false)}
          unsavedChanges={dirty}
          onRestored={() => void reload((loaded.version ?? 0) + 1)}
        />
      )}
      {withdrawing && <WithdrawDialog onConfirm={onWithdraw} onCancel={() => setWithdrawing(false)} />}
    </Card>
  );
}
