import { Type, type Static } from '@fastify/type-provider-typebox';
import { Id, IsoDateTime, Nullable, StrictObject } from '../http/schema.ts';

export const RowErrorSchema = Type.Object(
  {
    row: Type.Integer({ description: 'Row number as Excel shows it (the header is row 1)' }),
    column: Type.String({ description: 'Header of the column, as in the template; empty when the problem is the whole row' }),
    code: Type.String(),
    message: Type.String({ description: "Why, in the reader's language" }),
  },
);

export const ImportQuery = StrictObject({
  dryRun: Type.Optional(Type.Boolean({ default: false, description: 'Check every row and report, write nothing' })),
  skipInvalid: Type.Optional(Type.Boolean({ default: false, description: 'Import the valid rows and report the rest, instead of importing nothing when any row is invalid' })),
});
export type ImportQuery = Static<typeof ImportQuery>;

export const ImportReport = Type.Object({
  kind: Type.String(),
  total: Type.Integer({ description: 'Data rows in the file' }),
  valid: Type.Integer(),
  invalid: Type.Integer(),
  errorCount: Type.Integer({ description: 'All problems found; `errors` lists the first of them' }),
  errors: Type.Array(RowErrorSchema),
  columns: Type.Array(Type.String(), { description: 'Headers of the preview cells, in template order' }),
  preview: Type.Array(
    Type.Object({ row: Type.Integer(), cells: Type.Array(Type.String()), valid: Type.Boolean() }),
    { description: 'The first rows of the file as read' },
  ),
});
export type ImportReport = Static<typeof ImportReport>;

export const ImportJob = Type.Object({
  id: Id,
  kind: Type.String(),
  status: Type.Enum(['running', 'succeeded', 'failed']),
  phase: Type.Enum(['checking', 'writing', 'done']),
  total: Type.Integer({ description: 'Rows to process in the current phase' }),
  processed: Type.Integer(),
  imported: Type.Integer(),
  skipped: Type.Integer(),
  errorCount: Type.Integer(),
  errors: Type.Array(RowErrorSchema),
  failure: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
  startedAt: IsoDateTime,
  finishedAt: Nullable(IsoDateTime),
});
export type ImportJob = Static<typeof ImportJob>;
