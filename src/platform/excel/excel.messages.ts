import { defineMessages, translate, type Locale } from '../i18n/catalogue.ts';
import type { CellProblem } from './cells.ts';

/** Texts of workbooks and of the problems found in them. Row and column travel beside the message, so messages say only why. */
export const excelMessages = defineMessages({
  'zh-CN': {
    'excel.cell.required': '必填，不能为空',
    'excel.cell.nul': '不能包含空字符（U+0000）',
    'excel.cell.tooLong': '不能超过 {max} 个字（现有 {length} 个）',
    'excel.cell.notNumber': '“{value}”不是数字',
    'excel.cell.notInteger': '“{value}”不是整数',
    'excel.cell.negative': '不能为负数（填的是 {value}）',
    'excel.cell.tooSmall': '不能小于 {min}（填的是 {value}）',
    'excel.cell.tooLarge': '不能大于 {max}',
    'excel.cell.notDate': '“{value}”不是可识别的日期，请写成 2024-09-20、2024/9/20 或 2024年9月20日',
    'excel.cell.noSuchDate': '日期“{value}”不存在',
    'excel.cell.dateTooEarly': '日期不能早于 {min}（填的是 {value}）',
    'excel.cell.dateTooLate': '日期不能晚于 {max}（填的是 {value}）',
    'excel.cell.notAChoice': '“{value}”不是可选的值，可选：{choices}',
    'excel.cell.errorValue': '单元格是错误值 {value}，请改为实际内容',
    EXCEL_FILE_REQUIRED: '请上传 Excel 文件（.xlsx）',
    EXCEL_FILE_UNREADABLE: '无法读取该文件，请上传 .xlsx 格式的 Excel 文件（旧版 .xls 请先在 Excel 中另存为 .xlsx）',
    EXCEL_SHEET_EMPTY: '第一个工作表是空的，没有表头行',
    EXCEL_HEADER_INVALID: '表头与模板不一致，请对照模板修改表头，或重新下载模板',
    'excel.header.unknown': '“{header}”不是模板中的列，可用的列：{columns}',
    'excel.header.missing': '缺少必填列“{header}”',
    'excel.header.duplicate': '列“{header}”出现了不止一次',
    EXCEL_NO_ROWS: '文件中没有数据行',
    EXCEL_TOO_MANY_ROWS: '一次最多导入 {max} 行，请分批导入',
    EXPORT_TOO_MANY_ROWS: '要导出的记录有 {total} 条，超过了单次导出上限 {max} 条，请先用筛选条件缩小范围',
    'excel.instructions.sheet': '填写说明',
    'excel.instructions.title': '“{sheet}”导入模板填写说明',
    'excel.instructions.whereToWrite': '请在“{sheet}”工作表中填写，每行一条记录。第一行是表头，请勿修改表头文字；列的顺序可以调整，空行会被忽略。',
    'excel.instructions.limit': '一次最多导入 {max} 行。',
    'excel.instructions.dryRun': '上传后系统先逐行校验，并列出每个问题的行号、列和原因；全部正确才会导入，也可以选择只导入校验通过的行。',
    'excel.instructions.column': '列名',
    'excel.instructions.required': '是否必填',
    'excel.instructions.rules': '填写要求',
    'excel.instructions.example': '示例',
    'excel.instructions.yes': '必填',
    'excel.instructions.no': '选填',
    'excel.rule.text': '文本',
    'excel.rule.textMax': '文本，最多 {max} 个字',
    'excel.rule.integer': '整数',
    'excel.rule.integerRange': '整数，{min} 到 {max}',
    'excel.rule.integerMin': '整数，不小于 {min}',
    'excel.rule.date': '日期，如 2024-09-20、2024/9/20、2024年9月20日，或设为 Excel 日期格式',
    'excel.rule.choice': '从下拉列表中选择：{choices}',
  },
  'en-US': {
    'excel.cell.required': 'Required; must not be blank',
    'excel.cell.nul': 'must not contain the NUL character (U+0000)',
    'excel.cell.tooLong': 'At most {max} characters (this has {length})',
    'excel.cell.notNumber': '"{value}" is not a number',
    'excel.cell.notInteger': '"{value}" is not a whole number',
    'excel.cell.negative': 'Must not be negative (got {value})',
    'excel.cell.tooSmall': 'Must be at least {min} (got {value})',
    'excel.cell.tooLarge': 'Must be at most {max}',
    'excel.cell.notDate': '"{value}" is not a date; write 2024-09-20, 2024/9/20 or 2024年9月20日',
    'excel.cell.noSuchDate': 'There is no such date as "{value}"',
    'excel.cell.dateTooEarly': 'Must not be before {min} (got {value})',
    'excel.cell.dateTooLate': 'Must not be after {max} (got {value})',
    'excel.cell.notAChoice': '"{value}" is not one of the allowed values: {choices}',
    'excel.cell.errorValue': 'The cell holds the error value {value}; enter the real content',
    EXCEL_FILE_REQUIRED: 'Upload an Excel file (.xlsx)',
    EXCEL_FILE_UNREADABLE: 'The file cannot be read; upload an .xlsx Excel file (save an old .xls as .xlsx first)',
    EXCEL_SHEET_EMPTY: 'The first worksheet is empty: it has no header row',
    EXCEL_HEADER_INVALID: 'The header row does not match the template; correct it or download the template again',
    'excel.header.unknown': '"{header}" is not a column of the template; the columns are: {columns}',
    'excel.header.missing': 'The required column "{header}" is missing',
    'excel.header.duplicate': 'The column "{header}" appears more than once',
    EXCEL_NO_ROWS: 'The file has no data rows',
    EXCEL_TOO_MANY_ROWS: 'At most {max} rows can be imported at once; split the file',
    EXPORT_TOO_MANY_ROWS: '{total} records match, more than the {max} one export may hold; narrow the filters first',
    'excel.instructions.sheet': 'Instructions',
    'excel.instructions.title': 'How to fill in the "{sheet}" import template',
    'excel.instructions.whereToWrite': 'Fill in the "{sheet}" worksheet, one record per row. The first row is the header: do not change its text. Columns may be reordered; blank rows are ignored.',
    'excel.instructions.limit': 'At most {max} rows per import.',
    'excel.instructions.dryRun': 'After upload every row is checked first and each problem is listed with its row, column and reason; nothing is imported unless every row is valid, or you choose to import only the valid rows.',
    'excel.instructions.column': 'Column',
    'excel.instructions.required': 'Required',
    'excel.instructions.rules': 'What to enter',
    'excel.instructions.example': 'Example',
    'excel.instructions.yes': 'Required',
    'excel.instructions.no': 'Optional',
    'excel.rule.text': 'Text',
    'excel.rule.textMax': 'Text, at most {max} characters',
    'excel.rule.integer': 'Whole number',
    'excel.rule.integerRange': 'Whole number from {min} to {max}',
    'excel.rule.integerMin': 'Whole number, at least {min}',
    'excel.rule.date': 'Date: 2024-09-20, 2024/9/20, 2024年9月20日, or an Excel date cell',
    'excel.rule.choice': 'Pick from the list: {choices}',
  },
});

/** Lists read as lists in each language: 市科协、县区科协 / City, County. */
export function joinList(locale: Locale, items: readonly unknown[]): string {
  return items.map(String).join(locale === 'zh-CN' ? '、' : ', ');
}

/** A message key with its parameters, in the reader's language; list parameters become lists. */
export function describe(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const shown = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, Array.isArray(value) ? joinList(locale, value) : value]));
  return translate(locale, key, shown);
}

export const describeProblem = (locale: Locale, problem: CellProblem) => describe(locale, problem.key, problem.params);
