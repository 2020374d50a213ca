import { defineMessages } from '../../platform/i18n/catalogue.ts';

export const caravanMessages = defineMessages({
  'zh-CN': {
    CARAVAN_NOT_FOUND: '科普大篷车不存在或不在您的管理范围内',
    CARAVAN_OWNER_OUT_OF_SCOPE: '所属单位不存在或不在您的管理范围内',
    CARAVAN_NAME_TAKEN: '已有车牌号或名称为“{name}”的科普大篷车',
    CARAVAN_HAS_TRIPS: '科普大篷车“{name}”已有出车记录，不能删除；可将其状态改为“停用”',
    CARAVAN_TRIP_NOT_FOUND: '出车记录不存在',
    CARAVAN_TRIP_EXISTS: '“{caravan}” {date} 到“{destination}”的出车记录已录入，不能重复录入；如需更正，请修改原记录',
    'caravan.status.active': '在用',
    'caravan.status.retired': '停用',
    'destination.kind.school': '学校',
    'destination.kind.place': '其他地点',
  },
  'en-US': {
    CARAVAN_NOT_FOUND: 'The caravan does not exist or is outside your scope',
    CARAVAN_OWNER_OUT_OF_SCOPE: 'The owner organisation does not exist or is outside your scope',
    CARAVAN_NAME_TAKEN: 'A caravan with the plate or name "{name}" already exists',
    CARAVAN_HAS_TRIPS: 'The caravan "{name}" has logged trips and cannot be deleted; retire it instead',
    CARAVAN_TRIP_NOT_FOUND: 'No such trip',
    CARAVAN_TRIP_EXISTS: 'The trip of "{caravan}" to "{destination}" on {date} is already logged; correct that record instead of adding another',
    'caravan.status.active': 'In service',
    'caravan.status.retired': 'Retired',
    'destination.kind.school': 'School',
    'destination.kind.place': 'Other place',
  },
});
