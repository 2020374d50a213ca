import { defineMessages } from '../../platform/i18n/catalogue.ts';

/** What `kexie report annual` says. */
export const reviewGeneratorMessages = defineMessages({
  'zh-CN': {
    REPORT_ORG_UNKNOWN: '没有行政区划代码或 id 为“{org}”的组织；kexie org list 列出全部组织',
    REPORT_OUT_REQUIRED: '{format} 格式须用 --out 指定要写入的文件',
    REPORT_TEMPLATE_UNREADABLE: '读不到模板文件 {file}（{reason}）',
    'report.cli.written': '已写入 {file}',
  },
  'en-US': {
    REPORT_ORG_UNKNOWN: 'There is no organisation with the code or id "{org}"; kexie org list shows them all',
    REPORT_OUT_REQUIRED: 'The {format} format needs --out with the file to write',
    REPORT_TEMPLATE_UNREADABLE: 'Cannot read the template file {file} ({reason})',
    'report.cli.written': 'Written to {file}',
  },
});
