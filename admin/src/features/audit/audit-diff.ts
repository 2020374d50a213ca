/** One field of an audited record, before and after the write. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

export interface DiffOptions {
  /** Fields listed here come first, in this order; the others follow as the record lists them. */
  order?: readonly string[];
  /**
   * A field that says the same as a more readable one (orgId beside orgName):
   * left out when the readable one is in the record.
   */
  redundant?: Readonly<Record<string, string>>;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A record as audited: an object, nothing (null) for the missing side of a creation or deletion, or a bare value. */
const fieldsOf = (value: unknown): Record<string, unknown> => (isPlainObject(value) ? value : value === null || value === undefined ? {} : { value });

/** JSON with sorted keys, so equal records compare equal whatever their key order; a missing field equals null. */
function canonical(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isPlainObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export const sameValue = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/**
 * The fields of an audit entry's before and after records, each marked changed
 * or not. Either side may be null (a creation has no before, a deletion no after).
 */
export function diffRecords(before: unknown, after: unknown, options: DiffOptions = {}): FieldChange[] {
  const { order = [], redundant = {} } = options;
  const beforeFields = fieldsOf(before);
  const afterFields = fieldsOf(after);
  const present = (field: string) => field in beforeFields || field in afterFields;
  const fields = [...new Set([...Object.keys(beforeFields), ...Object.keys(afterFields)])].filter((field) => {
    const readable = redundant[field];
    return !(readable && present(readable));
  });
  const rank = (field: string) => {
    const index = order.indexOf(field);
    return index === -1 ? order.length : index;
  };
  // Array.prototype.sort is stable: unlisted fields keep the record's order.
  fields.sort((a, b) => rank(a) - rank(b));
  return fields.map((field) => ({
    field,
    before: beforeFields[field],
    after: afterFields[field],
    changed: !sameValue(beforeFields[field], afterFields[field]),
  }));
}
