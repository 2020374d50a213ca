import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * One broken rule on one input field. The form answers the first as the
 * error and lists them all as details; the Excel import reports each one
 * against its row and column.
 */
export interface FieldProblem<Field extends string = string> {
  field: Field;
  code: string;
  /** 404 when the field names something outside the actor's scope, 409 for a clash with a stored record; 400 otherwise. */
  status?: 400 | 404 | 409;
  params?: Record<string, unknown>;
}

export function refuse(problems: readonly FieldProblem[]): never {
  const first = problems[0]!;
  throw new AppError(first.code, first.status ?? 400, {
    params: first.params,
    details: problems.map((p) => ({ path: `body.${p.field}`, code: p.code, message: p.code })),
  });
}

/** Throws the problems, if any. */
export function refuseAny(problems: readonly FieldProblem[]): void {
  if (problems.length > 0) refuse(problems);
}

/**
 * A concurrent writer took the name between the check and the write, and the
 * unique index refused this one: answer as the check would have.
 */
export function refuseIfNameTaken(err: unknown, code: string, name: string): never {
  if (isUniqueViolation(err)) refuse([{ field: 'name', code, status: 409, params: { name: name.trim() } }]);
  throw err;
}
