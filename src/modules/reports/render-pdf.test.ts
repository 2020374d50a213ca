import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n/catalogue.ts';
import { reviewToPdf } from './render-pdf.ts';
import { sampleReview } from './template.fixture.ts';

describe('review as PDF', () => {
  it('names the missing program and the Debian packages to install when LibreOffice is absent', async () => {
    const failure = await reviewToPdf(sampleReview(), { soffice: '/nonexistent/soffice' }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(AppError);
    const { code, status, options } = failure as AppError;
    expect({ code, status }).toEqual({ code: 'REPORT_PDF_CONVERTER_MISSING', status: 503 });
    expect(translate('zh-CN', code, options.params)).toBe(
      '生成 PDF 需要 LibreOffice，但找不到程序 /nonexistent/soffice；请安装 libreoffice-writer fonts-noto-cjk（Debian：apt-get install libreoffice-writer fonts-noto-cjk）',
    );
  });
});
