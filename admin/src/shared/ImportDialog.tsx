import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex, Grid, Modal, Progress, Result, Spin, Statistic, Steps, Table, Tabs, Tag, Typography, Upload, theme, type TableColumnsType } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../app/api.ts';
import { useT } from '../app/i18n.tsx';
import { downloadWorkbook, fetchImportJob, maxUploadBytes, uploadWorkbook, type ImportJob, type ImportReport, type RowError } from './excel-api.ts';
import { excelMessages } from './excel-messages.ts';

export interface ImportDialogProps {
  open: boolean;
  onClose(): void;
  /** 导入组织 … */
  title: string;
  /** The module's Excel routes under /api/v1, e.g. `/orgs/excel` (GET template, POST import). */
  basePath: string;
  /** Called once an import has written rows, to reload the page's data. */
  onImported?(job: ImportJob): void;
}

type Stage =
  | { step: 'template' }
  | { step: 'upload'; refusal?: { title: string; error: unknown } }
  | { step: 'checking'; file: File }
  | { step: 'check'; file: File; report: ImportReport }
  | { step: 'import'; job: ImportJob; pollError?: string }
  | { step: 'result'; job: ImportJob };

const stepIndex: Record<Stage['step'], number> = { template: 0, upload: 1, checking: 2, check: 2, import: 3, result: 4 };
const pollIntervalMs = 500;
const pageSize = 8;

/**
 * The Excel import every module uses: 下载模板 → 上传文件 → 预览与校验 (every
 * problem by row, column and reason; nothing written) → 确认导入 (a job on the
 * server, with a progress bar) → 导入结果. The server re-checks on confirm,
 * so the preview can never let through what the import would refuse.
 */
export function ImportDialog({ open, onClose, title, ...steps }: ImportDialogProps) {
  return (
    <Modal open={open} onCancel={onClose} title={title} footer={null} width={880} destroyOnHidden maskClosable={false}>
      <ImportSteps {...steps} onClose={onClose} />
    </Modal>
  );
}

function ImportSteps({ basePath, onImported, onClose }: Omit<ImportDialogProps, 'open' | 'title'>) {
  const t = useT(excelMessages);
  const wide = Grid.useBreakpoint().md ?? true;
  const { token } = theme.useToken();
  const [stage, setStage] = useState<Stage>({ step: 'template' });
  const [templateError, setTemplateError] = useState<string>();
  const [downloading, setDownloading] = useState(false);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [starting, setStarting] = useState(false);
  // The page may pass a new callback on every render; polling should not restart for that.
  const onImportedRef = useRef(onImported);
  useEffect(() => {
    onImportedRef.current = onImported;
  }, [onImported]);

  const downloadTemplate = async () => {
    setDownloading(true);
    setTemplateError(undefined);
    try {
      await downloadWorkbook(`${basePath}/template`);
    } catch (err) {
      setTemplateError(t('templateFailed', { message: messageOf(err) }));
    } finally {
      setDownloading(false);
    }
  };

  const check = async (file: File) => {
    if (!/\.xlsx$/i.test(file.name)) return setStage({ step: 'upload', refusal: { title: t('fileRefused'), error: t('notXlsx', { name: file.name }) } });
    if (file.size > maxUploadBytes) return setStage({ step: 'upload', refusal: { title: t('fileRefused'), error: t('fileTooLarge', { name: file.name }) } });
    setStage({ step: 'checking', file });
    setSkipInvalid(false);
    try {
      const report = await uploadWorkbook<ImportReport>(`${basePath}/import`, file, { dryRun: true });
      setStage({ step: 'check', file, report });
    } catch (err) {
      setStage({ step: 'upload', refusal: { title: t('fileRefused'), error: err } });
    }
  };

  const confirm = async (file: File) => {
    setStarting(true);
    try {
      const job = await uploadWorkbook<ImportJob>(`${basePath}/import`, file, skipInvalid ? { skipInvalid: true } : {});
      setStage({ step: 'import', job });
    } catch (err) {
      setStage({ step: 'upload', refusal: { title: t('fileRefused'), error: err } });
    } finally {
      setStarting(false);
    }
  };

  // Poll the running job until it ends; a failed poll is shown and retried.
  const runningJobId = stage.step === 'import' ? stage.job.id : undefined;
  useEffect(() => {
    if (!runningJobId) return;
    let timer: ReturnType<typeof setTimeout>;
    let active = true;
    const poll = async () => {
      try {
        const job = await fetchImportJob(runningJobId);
        if (!active) return;
        if (job.status === 'running') {
          setStage({ step: 'import', job });
        } else {
          setStage({ step: 'result', job });
          if (job.imported > 0) onImportedRef.current?.(job);
          return;
        }
      } catch (err) {
        if (!active) return;
        setStage((current) => (current.step === 'import' ? { ...current, pollError: t('progressLost', { message: messageOf(err) }) } : current));
      }
      timer = setTimeout(() => void poll(), pollIntervalMs);
    };
    timer = setTimeout(() => void poll(), pollIntervalMs);
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [runningJobId, t]);

  const stepItems = ['stepTemplate', 'stepUpload', 'stepCheck', 'stepImport', 'stepResult'] as const;

  let body: ReactNode;
  let footer: ReactNode;
  switch (stage.step) {
    case 'template':
      body = (
        <Flex vertical gap={12} align="flex-start">
          <Typography.Paragraph style={{ margin: 0 }}>{t('templateIntro')}</Typography.Paragraph>
          <Button icon={<DownloadOutlined aria-hidden />} loading={downloading} onClick={() => void downloadTemplate()}>
            {t('downloadTemplate')}
          </Button>
          {templateError && <Alert type="error" showIcon message={templateError} role="alert" />}
          <Typography.Text type="secondary">{t('templateNoChange')}</Typography.Text>
        </Flex>
      );
      footer = (
        <>
          <Button onClick={onClose}>{t('close')}</Button>
          <Button type="primary" onClick={() => setStage({ step: 'upload' })}>
            {t('next')}
          </Button>
        </>
      );
      break;
    case 'upload':
      body = (
        <Flex vertical gap={12}>
          {stage.refusal && <Refusal title={stage.refusal.title} error={stage.refusal.error} />}
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            beforeUpload={(file) => {
              void check(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">{t('uploadHint')}</p>
            <p className="ant-upload-hint">{t('uploadFormats')}</p>
          </Upload.Dragger>
        </Flex>
      );
      footer = <Button onClick={() => setStage({ step: 'template' })}>{t('back')}</Button>;
      break;
    case 'checking':
      body = (
        <Flex vertical align="center" gap={12} style={{ padding: '32px 0' }} role="status">
          <Spin />
          <Typography.Text>{t('checking')}</Typography.Text>
          <Typography.Text type="secondary">{stage.file.name}</Typography.Text>
        </Flex>
      );
      footer = <Button onClick={onClose}>{t('close')}</Button>;
      break;
    case 'check': {
      const { report, file } = stage;
      const canImport = report.valid > 0 && (report.invalid === 0 || skipInvalid);
      body = (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{file.name}</Typography.Text>
          <Flex gap={32} wrap>
            <Statistic title={t('summaryTotal')} value={report.total} />
            <Statistic title={t('summaryValid')} value={report.valid} valueStyle={{ color: '#389e0d' }} />
            <Statistic title={t('summaryInvalid')} value={report.invalid} valueStyle={{ color: report.invalid ? '#cf1322' : undefined }} />
          </Flex>
          {report.invalid === 0 ? (
            <Alert type="success" showIcon message={t('allValid', { total: report.total })} />
          ) : (
            <Alert type="error" showIcon message={report.valid > 0 ? t('someInvalid', { invalid: report.invalid, valid: report.valid }) : t('noneValid')} />
          )}
          {report.invalid > 0 && report.valid > 0 && (
            <Checkbox checked={skipInvalid} onChange={(event) => setSkipInvalid(event.target.checked)}>
              {t('skipInvalid', { valid: report.valid })}
            </Checkbox>
          )}
          <Tabs
            size="small"
            items={[
              ...(report.errorCount > 0
                ? [{ key: 'errors', label: t('errorsTab', { count: report.errorCount }), children: <RowErrorTable errors={report.errors} errorCount={report.errorCount} /> }]
                : []),
              { key: 'preview', label: t('previewTab'), children: <PreviewTable report={report} /> },
            ]}
          />
        </Flex>
      );
      footer = (
        <>
          <Button onClick={() => setStage({ step: 'upload' })}>{t('reupload')}</Button>
          <Button type="primary" disabled={!canImport} loading={starting} onClick={() => void confirm(file)}>
            {report.valid > 0 ? t('confirmImport', { count: report.invalid > 0 ? report.valid : report.total }) : t('stepImport')}
          </Button>
        </>
      );
      break;
    }
    case 'import': {
      const { job } = stage;
      const percent = job.phase === 'writing' && job.total > 0 ? Math.floor((job.processed / job.total) * 100) : 0;
      body = (
        <Flex vertical gap={12} style={{ padding: '16px 0' }}>
          <Progress percent={percent} status="active" aria-label={t('stepImport')} />
          <Typography.Text role="status">
            {job.phase === 'writing' ? t('phaseWriting', { processed: job.processed, total: job.total }) : t('phaseChecking', { total: job.total })}
          </Typography.Text>
          {stage.pollError && <Alert type="warning" showIcon message={stage.pollError} />}
          <Typography.Text type="secondary">{t('runsOnServer')}</Typography.Text>
        </Flex>
      );
      footer = <Button onClick={onClose}>{t('close')}</Button>;
      break;
    }
    case 'result': {
      const { job } = stage;
      const succeeded = job.status === 'succeeded';
      body = (
        <Flex vertical gap={12}>
          <Result
            status={succeeded ? (job.skipped > 0 ? 'warning' : 'success') : 'error'}
            title={succeeded ? t('resultSuccess', { imported: job.imported }) : t('resultFailed')}
            subTitle={succeeded ? (job.skipped > 0 ? t('resultSkipped', { skipped: job.skipped }) : undefined) : job.failure?.message}
            style={{ padding: '16px 0' }}
          />
          {job.errors.length > 0 && <RowErrorTable errors={job.errors} errorCount={job.errorCount} />}
        </Flex>
      );
      footer = (
        <>
          <Button onClick={() => setStage({ step: 'upload' })}>{t('importAnother')}</Button>
          <Button type="primary" onClick={onClose}>
            {t('done')}
          </Button>
        </>
      );
      break;
    }
  }

  const current = stepIndex[stage.step];
  return (
    <Flex vertical gap={16}>
      {/* On a phone five titles with icons do not fit in a row: the inline form is dots with small titles, darkened to stay readable. */}
      <Steps
        size="small"
        type={wide ? 'default' : 'inline'}
        current={current}
        items={stepItems.map((key) => ({ title: wide ? t(key) : <span style={{ color: token.colorTextSecondary }}>{t(key)}</span> }))}
      />
      {/* The content scrolls, the buttons stay in view. */}
      <div tabIndex={0} role="region" aria-label={t(stepItems[current]!)} style={{ maxHeight: 'calc(100vh - 300px)', minHeight: 120, overflowY: 'auto', outlineOffset: 2 }}>
        {body}
      </div>
      <Flex justify="flex-end" gap={8} wrap>
        {footer}
      </Flex>
    </Flex>
  );
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Why a file was refused as a whole: the message, each header problem by column, and the request id for support. */
function Refusal({ title, error }: { title: string; error: unknown }) {
  const t = useT(excelMessages);
  const apiError = error instanceof ApiError ? error : undefined;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={apiError ? apiError.message : title}
      description={
        apiError ? (
          <>
            {apiError.details.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {apiError.details.map((detail, i) => (
                  <li key={i}>{detail.column ? `${detail.column}：${detail.message}` : detail.message}</li>
                ))}
              </ul>
            )}
            {apiError.status >= 500 && apiError.requestId && <Typography.Text type="secondary">{t('requestId', { id: apiError.requestId })}</Typography.Text>}
          </>
        ) : (
          messageOf(error)
        )
      }
    />
  );
}

/** 行号 · 列 · 问题: every problem the server found, the way the person fixes them in Excel. */
export function RowErrorTable({ errors, errorCount }: { errors: RowError[]; errorCount: number }) {
  const t = useT(excelMessages);
  const columns: TableColumnsType<RowError> = [
    { key: 'row', title: t('colRow'), dataIndex: 'row', width: 64 },
    { key: 'column', title: t('colColumn'), dataIndex: 'column', width: 104, render: (column: string) => column || t('wholeRow') },
    { key: 'message', title: t('colProblem'), dataIndex: 'message' },
  ];
  return (
    <Flex vertical gap={8}>
      {errorCount > errors.length && <Typography.Text type="secondary">{t('errorsTruncated', { count: errorCount, shown: errors.length })}</Typography.Text>}
      <Table<RowError>
        size="small"
        columns={columns}
        dataSource={errors}
        rowKey={(error) => `${error.row}\u0000${error.column}\u0000${error.code}\u0000${error.message}`}
        pagination={errors.length > pageSize ? { pageSize, showSizeChanger: false, size: 'small' } : false}
      />
    </Flex>
  );
}

/** The rows as the server read them, each marked valid or not. */
function PreviewTable({ report }: { report: ImportReport }) {
  const t = useT(excelMessages);
  type PreviewRow = ImportReport['preview'][number];
  const columns: TableColumnsType<PreviewRow> = [
    { key: 'row', title: t('colRow'), dataIndex: 'row', width: 64, fixed: 'left' },
    {
      key: 'valid',
      title: t('colCheck'),
      dataIndex: 'valid',
      width: 80,
      render: (valid: boolean) => <Tag color={valid ? 'success' : 'error'}>{valid ? t('rowValid') : t('rowInvalid')}</Tag>,
    },
    ...report.columns.map((header, i) => ({
      key: `cell-${i}`,
      title: header,
      render: (_: unknown, row: PreviewRow) => row.cells[i],
      ellipsis: true,
    })),
  ];
  return (
    <Flex vertical gap={8}>
      {report.total > report.preview.length && <Typography.Text type="secondary">{t('previewTruncated', { total: report.total, shown: report.preview.length })}</Typography.Text>}
      <Table<PreviewRow>
        size="small"
        columns={columns}
        dataSource={report.preview}
        rowKey="row"
        pagination={report.preview.length > pageSize ? { pageSize, showSizeChanger: false, size: 'small' } : false}
        scroll={{ x: 'max-content' }}
      />
    </Flex>
  );
}
