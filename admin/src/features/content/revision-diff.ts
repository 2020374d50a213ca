import type { RevisionDiff } from './api.ts';
import { formatDateTime } from './date-format.ts';

export type DiffField = RevisionDiff['fields'][number];

/** The fields whose values are media ids: shown by file name, which needs the library. */
export const mediaFields = new Set(['coverMediaId', 'attachmentIds']);

interface FieldWords {
  columnName(id: string): string | undefined;
  yes: string;
}

/**
 * One side of a changed field as a person reads it: column names instead of
 * ids, 是 for a set switch, the publication time in local time. The server
 * sends every field as text (lists joined with ", " or "、").
 */
export function fieldDisplay(field: string, text: string, words: FieldWords): string {
  if (text === '') return '';
  switch (field) {
    case 'columnIds':
      return text
        .split(', ')
        .map((id) => words.columnName(id) ?? id)
        .join('、');
    case 'isFocus':
    case 'isPinned':
      return words.yes;
    case 'publishAt':
      return formatDateTime(text);
    default:
      return text;
  }
}

/** The media ids named by a media field's text. */
export const mediaIdsOf = (text: string) => text.split(', ').filter(Boolean);
