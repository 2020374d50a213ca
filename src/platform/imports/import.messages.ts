import { defineMessages } from '../i18n/catalogue.ts';

export const importMessages = defineMessages({
  'zh-CN': {
    IMPORT_HAS_INVALID_ROWS: '有 {count} 行未通过校验，未导入任何数据。请修改后重新上传，或选择只导入校验通过的行',
    IMPORT_ROW_FAILED: '第 {row} 行写入失败：{reason}。已撤销本次导入，未导入任何数据',
    IMPORT_ALREADY_RUNNING: '您已有一个导入正在进行，请等它完成后再导入',
    IMPORT_JOB_NOT_FOUND: '导入任务不存在或已过期',
    IMPORT_INTERRUPTED: '导入因服务器错误中断，未导入任何数据；如问题持续，请将请求编号 {requestId} 提供给管理员',
  },
  'en-US': {
    IMPORT_HAS_INVALID_ROWS: '{count} rows failed the checks, so nothing was imported. Correct them and upload again, or import only the valid rows',
    IMPORT_ROW_FAILED: 'Row {row} could not be written: {reason}. The import was undone; nothing was imported',
    IMPORT_ALREADY_RUNNING: 'One of your imports is still running; wait for it to finish',
    IMPORT_JOB_NOT_FOUND: 'No such import, or it has expired',
    IMPORT_INTERRUPTED: 'The import stopped on a server error and imported nothing; if it persists, give request id {requestId} to an administrator',
  },
});
