import type { FormInstance } from 'antd';
import { ApiError } from '../app/api.ts';

/**
 * Puts each server-side `details` entry under the form field it names:
 * `body.name` → field `name`, `body.roles.0` → field `roles`. Returns the
 * messages no field claimed, for an alert above the form.
 */
export function applyServerErrors(form: FormInstance, error: unknown, fieldNames?: string[]): string[] {
  if (!(error instanceof ApiError)) return [error instanceof Error ? error.message : String(error)];
  const known = new Set(fieldNames ?? Object.keys(form.getFieldsValue(true)));
  const byField = new Map<string, string[]>();
  const unclaimed: string[] = [];
  for (const detail of error.details) {
    const field = detail.path?.startsWith('body.') ? detail.path.slice(5).split('.')[0] : undefined;
    if (field && known.has(field)) byField.set(field, [...(byField.get(field) ?? []), detail.message]);
    else unclaimed.push(detail.message);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  if (byField.size === 0 || error.details.length === 0) unclaimed.unshift(error.message);
  return unclaimed;
}
