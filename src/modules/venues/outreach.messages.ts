import { defineMessages } from '../../platform/i18n/catalogue.ts';

export const outreachMessages = defineMessages({
  'zh-CN': {
    VENUE_OUTREACH_NOT_FOUND: '到校活动记录不存在',
    VENUE_OUTREACH_EXISTS: '{venue} {date} 到“{school}”的活动已录入，不能重复录入；如需更正，请修改原记录',
  },
  'en-US': {
    VENUE_OUTREACH_NOT_FOUND: 'No such school visit',
    VENUE_OUTREACH_EXISTS: '{venue}’s visit to "{school}" on {date} is already recorded; correct that record instead of adding another',
  },
});
