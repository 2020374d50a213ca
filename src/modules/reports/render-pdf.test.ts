import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n/catalogue.ts';
import { reviewToPdf } from './render-pdf.ts';
import { sampleReview } from './template.fixture.ts';

describe('review as PDF', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kexie-render-pdf-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A stand-in for soffice that runs `script` instead of converting. */
  function fakeSoffice(name: string, script: string): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
    return file;
  }

  const failureOf = (soffice: string, timeoutMs?: number): Promise<AppError> =>
    reviewToPdf(sampleReview(), { soffice, timeoutMs }).then(
      () => Promise.reject(new Error('the conversion succeeded')),
      (err: unknown) => err as AppError,
    );

  it('names the missing program and the Debian packages to install when LibreOffice is absent', async () => {
    const failure = await failureOf('/nonexistent/soffice');
    expect(failure).toBeInstanceOf(AppError);
    const { code, status, options } = failure;
    expect({ code, status }).toEqual({ code: 'REPORT_PDF_CONVERTER_MISSING', status: 503 });
    expect(translate('zh-CN', code, options.params)).toBe(
      '生成 PDF 需要 LibreOffice，但找不到程序 /nonexistent/soffice；请安装 libreoffice-writer fonts-noto-cjk（Debian：apt-get install libreoffice-writer fonts-noto-cjk）',
    );
  });

  it('stops a conversion that takes longer than allowed with REPORT_PDF_TIMEOUT', async () => {
    const failure = await failureOf(fakeSoffice('slow-soffice', 'exec sleep 10'), 300);
    expect({ code: failure.code, status: failure.status, params: failure.options.params }).toEqual({ code: 'REPORT_PDF_TIMEOUT', status: 504, params: { seconds: 1 } });
  });

  it('says the conversion failed when LibreOffice exits without writing a PDF, or with an error', async () => {
    expect((await failureOf(fakeSoffice('silent-soffice', 'exit 0'))).code).toBe('REPORT_PDF_FAILED');
    expect((await failureOf(fakeSoffice('broken-soffice', 'echo "cannot load" >&2; exit 1'))).code).toBe('REPORT_PDF_FAILED');
  });
});
