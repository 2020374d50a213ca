import { defineMessages } from '../../platform/i18n/catalogue.ts';

export const visitMessages = defineMessages({
  'zh-CN': {
    VENUE_VISIT_NOT_FOUND: '参观记录不存在',
    VENUE_VISIT_EXISTS: '{venue} {date} 的参观人数已录入（{visitors} 人次），不能重复录入；如需更正，请修改原记录',
    VENUE_VISIT_PERIOD_OVERLAP: '{venue} 已录入 {existing} 的参观人数，{date} 与其重叠，不能再录入，以免重复计数；如需更正，请修改原记录',
    VENUE_VISIT_MONTH_START: '按月填报时，日期须为该月 1 日（{date} 不是）',
    VENUE_VISIT_IN_FUTURE: '日期 {date} 晚于今天，不能填报尚未发生的参观人数',
    VENUE_VISIT_NOT_OPEN: '{venue} 尚未开馆（没有开馆日期），不能填报参观人数',
    VENUE_VISIT_BEFORE_OPENING: '{venue} 于 {openedOn} 开馆，不能填报 {date} 的参观人数',
    VENUE_VISIT_GROUPS_EXCEED_VISITORS: '团体数 {groups} 多于团体人次 {groupVisitors}',
    VENUE_VISIT_GROUPS_MISSING: '填写了团体人次，请填写团体数',
    VENUE_VISIT_FROM_BOOKING: '这条记录来自团体预约的到馆登记，请在预约中更正到馆人数',
  },
  'en-US': {
    VENUE_VISIT_NOT_FOUND: 'No such visit figure',
    VENUE_VISIT_EXISTS: 'The visitors of {venue} on {date} are already recorded ({visitors}); correct that record instead of adding another',
    VENUE_VISIT_PERIOD_OVERLAP: '{venue} already has a figure for {existing}, which {date} overlaps; correct that record instead, so nothing is counted twice',
    VENUE_VISIT_MONTH_START: 'A monthly figure is dated the first of its month ({date} is not)',
    VENUE_VISIT_IN_FUTURE: 'The date {date} is after today; figures are recorded once the visits happened',
    VENUE_VISIT_NOT_OPEN: '{venue} has not opened (it has no opening date) and has no visitors to record',
    VENUE_VISIT_BEFORE_OPENING: '{venue} opened on {openedOn}; it had no visitors on {date}',
    VENUE_VISIT_GROUPS_EXCEED_VISITORS: '{groups} groups are more than the {groupVisitors} group visitors',
    VENUE_VISIT_GROUPS_MISSING: 'Group visitors are given: how many groups did they come in?',
    VENUE_VISIT_FROM_BOOKING: 'This figure is a booked group’s attendance; correct the count on the booking',
  },
});
