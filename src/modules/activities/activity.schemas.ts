import { Type, type Static } from '@fastify/type-provider-typebox';
import { Id, IsoDate, IsoDateTime, Nullable, Page, StrictObject, pageQuery } from '../../platform/http/schema.ts';
import { activityModes, activityStatuses } from './activity.table.ts';

/** What the console list sorts by; ties fall back to the newest start date. */
export const activitySortKeys = ['start_date', 'participants', 'status'] as const;
export type ActivitySortKey = (typeof activitySortKeys)[number];

export const ActivityStatusSchema = Type.Enum(activityStatuses, { description: 'reported 已上报 · verified 已核实 · returned 已退回' });
export const ActivityModeSchema = Type.Enum(activityModes, { description: 'offline 线下 · online 线上' });
const Text = (maxLength: number) => Type.String({ maxLength });

const editableFields = {
  title: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
  typeId: Id,
  campaignId: Nullable(Id),
  series: Text(50),
  startDate: IsoDate,
  endDate: IsoDate,
  orgId: Type.String({ minLength: 1, maxLength: 64, description: '所属县区: the org the activity belongs to' }),
  venue: Text(200),
  organiser: Text(100),
  partners: Type.Array(Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }), { maxItems: 100, description: '合作单位' }),
  participants: Type.Integer({ minimum: 0, maximum: 100_000_000, description: '受益人次' }),
  mode: ActivityModeSchema,
  quantity: Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000, description: '数量, in the type’s unit' })),
  description: Text(5000),
  evidenceMediaIds: Type.Array(Id, { maxItems: 20, uniqueItems: true }),
  public: Type.Boolean({ description: '公开: shown on the portal’s activity calendar once verified; internal work (staff training) stays false' }),
};

export const ActivityInputBody = StrictObject({
  ...editableFields,
  campaignId: Type.Optional(editableFields.campaignId),
  series: Type.Optional(editableFields.series),
  venue: Type.Optional(editableFields.venue),
  organiser: Type.Optional(editableFields.organiser),
  partners: Type.Optional(editableFields.partners),
  mode: Type.Optional(editableFields.mode),
  quantity: Type.Optional(editableFields.quantity),
  description: Type.Optional(editableFields.description),
  evidenceMediaIds: Type.Optional(editableFields.evidenceMediaIds),
  public: Type.Optional(editableFields.public),
});
export type ActivityInput = Static<typeof ActivityInputBody>;

export const Activity = Type.Object({
  id: Id,
  ...editableFields,
  orgName: Type.String(),
  typeName: Type.String(),
  unit: Type.String({ description: 'What 数量 counts for this type' }),
  campaignName: Nullable(Type.String()),
  status: ActivityStatusSchema,
  returnReason: Nullable(Type.String()),
  verifiedAt: Nullable(IsoDateTime),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  permissions: Type.Object({ edit: Type.Boolean(), verify: Type.Boolean() }),
});
export type Activity = Static<typeof Activity>;

export const ActivityListQuery = StrictObject({
  ...pageQuery,
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words in the title' })),
  year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  orgId: Type.Optional(Id),
  typeId: Type.Optional(Id),
  campaignId: Type.Optional(Id),
  status: Type.Optional(ActivityStatusSchema),
  awaitingMyVerification: Type.Optional(Type.Boolean({ description: 'Reported activities of the orgs below the actor’s' })),
  public: Type.Optional(Type.Boolean({ description: 'Only public (true) or only internal (false) activities' })),
  sort: Type.Optional(Type.Enum(activitySortKeys, { description: 'Default start_date' })),
  order: Type.Optional(Type.Enum(['asc', 'desc'], { description: 'Default desc' })),
});
export type ActivityListQuery = Static<typeof ActivityListQuery>;

export const ActivityPage = Page(Activity);
export type ActivityPage = Static<typeof ActivityPage>;

export const ReturnActivityBody = StrictObject({ reason: Type.String({ minLength: 2, maxLength: 500, pattern: '\\S' }) });

export const Vocabulary = Type.Object({
  items: Type.Array(Type.Object({ id: Id, name: Type.String(), unit: Type.Optional(Type.String()), position: Type.Integer(), active: Type.Boolean() })),
});
export type Vocabulary = Static<typeof Vocabulary>;
export const VocabularyEntryBody = StrictObject({
  name: Type.String({ minLength: 1, maxLength: 30, pattern: '\\S' }),
  unit: Type.Optional(Type.String({ minLength: 1, maxLength: 4, description: 'Types only: what 数量 counts (场, 块, 次 …)' })),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
  active: Type.Optional(Type.Boolean()),
});
export type VocabularyEntryInput = Static<typeof VocabularyEntryBody>;
export const VocabularyEntryPatchBody = StrictObject({
  name: Type.Optional(VocabularyEntryBody.properties.name),
  unit: VocabularyEntryBody.properties.unit,
  position: VocabularyEntryBody.properties.position,
  active: VocabularyEntryBody.properties.active,
});

export const figureDimensions = ['org', 'type', 'campaign', 'series', 'month'] as const;
export type FigureDimension = (typeof figureDimensions)[number];
export const FiguresQuery = StrictObject({
  year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100, description: 'Default: this year' })),
  orgId: Type.Optional(Id),
  verifiedOnly: Type.Optional(Type.Boolean({ default: true, description: 'Official figures count verified activities only' })),
  by: Type.Optional(Type.Enum(figureDimensions)),
  series: Type.Optional(Type.String({ maxLength: 50, description: 'Only the activities of this series (e.g. 科学家精神)' })),
});
export type FiguresQuery = Static<typeof FiguresQuery>;
export const Figures = Type.Object({
  year: Type.Integer(),
  verifiedOnly: Type.Boolean(),
  count: Type.Integer({ description: 'Activities' }),
  participants: Type.Integer({ description: '受益人次' }),
  quantity: Type.Integer({ description: 'Sum of 数量' }),
  groups: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), count: Type.Integer(), participants: Type.Integer(), quantity: Type.Integer() })),
});
export type Figures = Static<typeof Figures>;
