import { defineMessages } from '../../platform/i18n/catalogue.ts';

export const touringMessages = defineMessages({
  'zh-CN': {
    TOURING_SHOW_NOT_FOUND: '巡展不存在或不在您的管理范围内',
    TOURING_OWNER_OUT_OF_SCOPE: '主办单位不存在或不在您的管理范围内',
    TOURING_SHOW_NAME_TAKEN: '已有名为“{name}”的巡展',
    TOURING_SHOW_HAS_STOPS: '巡展“{name}”已有站点记录，不能删除',
    TOURING_STOP_NOT_FOUND: '巡展站点不存在',
    TOURING_HOST_VENUE_REQUIRED: '由场馆承接的站点须选择承接场馆',
    TOURING_HOST_VENUE_UNKNOWN: '承接场馆不存在',
    TOURING_HOST_NAME_REQUIRED: '请填写承接的学校或地点名称',
    TOURING_STOP_DATES_REVERSED: '结束日期 {endDate} 早于开始日期 {startDate}',
    TOURING_STOP_EXISTS: '“{show}”在“{host}” {date} 开始的站点已录入，不能重复录入；如需更正，请修改原记录',
    'host.kind.venue': '场馆',
    'host.kind.school': '学校',
    'host.kind.place': '其他地点',
  },
  'en-US': {
    TOURING_SHOW_NOT_FOUND: 'The touring show does not exist or is outside your scope',
    TOURING_OWNER_OUT_OF_SCOPE: 'The organising body does not exist or is outside your scope',
    TOURING_SHOW_NAME_TAKEN: 'A touring show named "{name}" already exists',
    TOURING_SHOW_HAS_STOPS: 'The touring show "{name}" has stops and cannot be deleted',
    TOURING_STOP_NOT_FOUND: 'No such stop',
    TOURING_HOST_VENUE_REQUIRED: 'A stop hosted by a venue needs the venue',
    TOURING_HOST_VENUE_UNKNOWN: 'No such host venue',
    TOURING_HOST_NAME_REQUIRED: 'Name the school or place hosting the stop',
    TOURING_STOP_DATES_REVERSED: 'The end date {endDate} is before the start date {startDate}',
    TOURING_STOP_EXISTS: 'The stop of "{show}" at "{host}" starting {date} is already recorded; correct that record instead of adding another',
    'host.kind.venue': 'Venue',
    'host.kind.school': 'School',
    'host.kind.place': 'Other place',
  },
});
