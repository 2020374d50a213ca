/** Science-popularisation activities (科普活动): records, county reporting and verification by the level above, figures. */
export type { ActivityTables, ActivityStatus, ActivityMode } from './activity.table.ts';
export { activityRoutes } from './activity.routes.ts';
export {
  createActivity,
  updateActivity,
  deleteActivity,
  getActivity,
  listActivities,
  verifyActivity,
  returnActivity,
  activityFigures,
  figuresFor,
  checkActivity,
  insertCheckedActivities,
  prepareActivityChecks,
  findExistingIdentities,
  identityKey,
  type RowProblem,
} from './activity.service.ts';
export { ensureActivityVocabularies, listVocabulary, defaultActivityTypes, defaultCampaigns } from './vocabulary.service.ts';
export { activityPolicy } from './activity.policy.ts';
export { loadDemoActivities } from './activity.demo.ts';
export { activityIndicators } from './activity.indicators.ts';
export { rebuildDailyTotals as rebuildActivityDailyTotals } from './activity-totals.repository.ts';
export {
  listPublicActivities,
  findPublicActivity,
  publicActivityFilterOptions,
  listPublicActivitiesForSitemap,
  onPublicActivityChange,
  publicActivitiesVersion,
  type PublicActivity,
} from './activity.public.ts';
export type { Activity, ActivityInput, ActivityListQuery, Figures } from './activity.schemas.ts';

import { registerMediaUsageSource } from '../media/index.ts';
import { findActivityTitlesUsingMedia } from './activity.repository.ts';

// Media refuses to delete a photo while an activity still shows it as evidence (on the portal, too).
registerMediaUsageSource(async (db, mediaId) => (await findActivityTitlesUsingMedia(db, mediaId)).map((title) => `科普活动：${title}`));
