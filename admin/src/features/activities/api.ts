import { useCallback, useEffect, useState } from 'react';
import { api, type Page, type Query } from '../../app/api.ts';
import type { Activity, ActivityInput, Vocabulary, VocabularyEntryInput } from '../../../../src/modules/activities/activity.schemas.ts';

/** An activity as the server sends it, and what a create or correction sends (the server's own types). */
export type { Activity, ActivityInput };
export type ActivityStatus = Activity['status'];
export type ActivityMode = Activity['mode'];
export const activityStatuses: ActivityStatus[] = ['reported', 'verified', 'returned'];
export const activityModes: ActivityMode[] = ['offline', 'online'];

/** 活动类型 (with the unit its 数量 counts) or 主题活动. */
export type VocabularyEntry = Vocabulary['items'][number];
export type VocabularyKind = 'types' | 'campaigns';
export type VocabularyChanges = Partial<VocabularyEntryInput>;

export const fetchActivities = (query: Query) => api<Page<Activity>>('GET', '/activities', undefined, query);
export const fetchActivity = (id: string) => api<Activity>('GET', `/activities/${id}`);
export const createActivity = (input: ActivityInput) => api<Activity>('POST', '/activities', input);
/** A correction: the activity goes back up for verification (已上报). */
export const updateActivity = (id: string, input: ActivityInput) => api<Activity>('PUT', `/activities/${id}`, input);
export const deleteActivity = (id: string) => api<void>('DELETE', `/activities/${id}`);
export const verifyActivity = (id: string) => api<Activity>('POST', `/activities/${id}/verify`);
export const returnActivity = (id: string, reason: string) => api<Activity>('POST', `/activities/${id}/return`, { reason });

export const fetchVocabulary = (kind: VocabularyKind) => api<Vocabulary>('GET', `/activity-${kind}`);
export const addVocabularyEntry = (kind: VocabularyKind, entry: VocabularyEntryInput) => api<VocabularyEntry>('POST', `/activity-${kind}`, entry);
export const updateVocabularyEntry = (kind: VocabularyKind, id: string, changes: VocabularyChanges) =>
  api<VocabularyEntry>('PATCH', `/activity-${kind}/${id}`, changes);

/** One vocabulary, loaded once per mount, with a reload for after a write. */
export function useVocabulary(kind: VocabularyKind) {
  const [items, setItems] = useState<VocabularyEntry[]>();
  const [error, setError] = useState<unknown>();
  const reload = useCallback(() => {
    setError(undefined);
    return fetchVocabulary(kind).then(
      (vocabulary) => setItems(vocabulary.items),
      (err: unknown) => setError(err),
    );
  }, [kind]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { items, error, reload };
}
