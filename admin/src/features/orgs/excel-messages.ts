import { defineMessages } from '../../app/i18n.tsx';

/** Texts of the organisation Excel actions (the shared dialog brings its own). */
export const orgExcelMessages = defineMessages({
  'zh-CN': {
    importTitle: '从 Excel 导入组织',
  },
  'en-US': {
    importTitle: 'Import organisations from Excel',
  },
});
