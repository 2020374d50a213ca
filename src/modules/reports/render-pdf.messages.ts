import { defineMessages } from '../../platform/i18n/catalogue.ts';

export const renderPdfMessages = defineMessages({
  'zh-CN': {
    REPORT_PDF_CONVERTER_MISSING: '生成 PDF 需要 LibreOffice，但找不到程序 {program}；请安装 {packages}（Debian：apt-get install {packages}）',
    REPORT_PDF_TIMEOUT: 'LibreOffice 在 {seconds} 秒内没有完成 PDF 转换，请稍后重试',
    REPORT_PDF_FAILED: 'LibreOffice 未能把 Word 文档转换为 PDF',
  },
  'en-US': {
    REPORT_PDF_CONVERTER_MISSING: 'Making a PDF needs LibreOffice, but the program {program} was not found; install {packages} (Debian: apt-get install {packages})',
    REPORT_PDF_TIMEOUT: 'LibreOffice did not finish the PDF within {seconds} seconds; try again later',
    REPORT_PDF_FAILED: 'LibreOffice could not convert the Word document to PDF',
  },
});
