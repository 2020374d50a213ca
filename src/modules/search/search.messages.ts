import { defineMessages } from '../../platform/i18n/catalogue.ts';

export const searchMessages = defineMessages({
  'zh-CN': {
    SEARCH_DATE_INVALID: '应为 YYYY-MM-DD 格式的有效日期',
    SEARCH_DATE_RANGE_REVERSED: '结束日期不能早于开始日期',
    SEARCH_PAGE_INVALID: '页码应为不小于 1 的整数',
    SEARCH_PAGE_SIZE_INVALID: '每页条数应为 1 到 {maxPageSize} 之间的整数',
  },
  'en-US': {
    SEARCH_DATE_INVALID: 'must be a valid date in YYYY-MM-DD form',
    SEARCH_DATE_RANGE_REVERSED: 'The end date must not be before the start date',
    SEARCH_PAGE_INVALID: 'must be a whole number from 1',
    SEARCH_PAGE_SIZE_INVALID: 'must be a whole number from 1 to {maxPageSize}',
  },
});
