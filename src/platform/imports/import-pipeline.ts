import { sql } from 'kysely';
import type { Trx } from '../../database.ts';
import type { ServiceContext } from '../context.ts';
import { isUniqueViolation, isForeignKeyViolation } from '../db/errors.ts';
import { AppError } from '../errors.ts';
import { translate, type Locale } from '../i18n/catalogue.ts';
import { cellText } from '../excel/cells.ts';
import { describe } from '../excel/excel.messages.ts';
import { columnsOf, type Sheet } from '../excel/sheet.ts';
import { readSheet, streamSheet, type ReadRow, type RowError } from '../excel/workbook-reader.ts';
import { inOneTransaction } from './joined-transaction.ts';
import type { ImportReport } from './import.schemas.ts';
import './import.messages.ts';

/** A row that passed every check, with what to write for it. */
export interface PlannedRow<Plan> {
  row: number;
  plan: Plan;
}

/**
 * What a module provides to import its records from Excel. The platform reads
 * the file, reports, runs the transaction and tracks progress; the module says
 * what a row means and writes it through its own service functions.
 */
export interface Importer<Row, Plan = Row> {
  /** Names the records in job views: 'orgs', 'activities'. */
  kind: string;
  sheet: Sheet<Row>;
  /** Largest file accepted, in data rows. */
  maxRows: number;
  /** Catalogue key of the template's file name (组织导入模板). */
  templateFileName: string;
  /** Refuses an actor who may not import; the same rule as creating one record. */
  authorize(ctx: ServiceContext): void;
  /**
   * Checks the rows against the database and against each other (references,
   * duplicates of existing records and within the file). Gets every row,
   * complete or not, since a later row may refer to one that failed. Returns
   * the rows to write, in the order to write them, and the problems found.
   */
  check(ctx: ServiceContext, rows: readonly ReadRow<Row>[]): Promise<{ plan: PlannedRow<Plan>[]; errors: RowError[] }>;
  /**
   * Writes one row through the module's service functions, inside the
   * import's transaction. `written` maps the row numbers already written to
   * the ids they created, for rows that refer to earlier rows.
   */
  write(ctx: ServiceContext, plan: Plan, written: ReadonlyMap<number, string>): Promise<string | void>;
  /**
   * Optional, for imports of many independent rows: writes a batch of rows at
   * once (a few statements and one audit entry instead of one of each per row)
   * and returns their ids in order. The pipeline hands it up to
   * `writeBatchSize` rows at a time. When a batch fails, it is rolled back and
   * its rows are written one by one with `write`, so the row at fault is found
   * and reported exactly as without batching.
   */
  writeBatch?(ctx: ServiceContext, plans: readonly Plan[]): Promise<string[]>;
  /**
   * Optional, for files of independent rows: a checker that takes the rows a
   * batch at a time as the file is read, remembering between batches what a
   * later row is checked against (the file's earlier rows). With it and
   * `writeBatch`, `runStreamingImport` writes each batch while reading the
   * next and never holds the whole file. The same problems as `check`.
   */
  batchChecker?(ctx: ServiceContext): Promise<(rows: readonly ReadRow<Row>[]) => Promise<{ plan: PlannedRow<Plan>[]; errors: RowError[] }>>;
  /** Which column a service error's field (`body.parentId`) belongs to, where the field is not a column key. */
  fieldColumns?: Partial<Record<string, keyof Row & string>>;
}

/** How far an import has come; the job registry shows it to whoever polls. */
export interface ImportProgress {
  phase: 'checking' | 'writing';
  total: number;
  processed: number;
}

export interface ImportOutcome {
  total: number;
  imported: number;
  skipped: number;
  errors: RowError[];
  failure: { code: string; message: string } | null;
  /** Rows with at least one problem, when the import counts them (a streamed dry run). */
  invalid?: number;
}

/** Rows handed to `Importer.writeBatch` at a time: large enough to amortise statements, small enough for steady progress. */
export const writeBatchSize = 2000;

/** A report lists this many problems; the count covers all of them. */
export const reportedErrorLimit = 500;
const previewRowLimit = 100;

/** Reads the uploaded file into rows; file-level problems (not a workbook, wrong header, too many rows) throw. */
export function readImportFile<Row>(importer: Importer<Row, unknown>, bytes: Buffer, locale: Locale): Promise<ReadRow<Row>[]> {
  return readSheet(importer.sheet, bytes, { locale, maxRows: importer.maxRows, previewRows: previewRowLimit });
}

/** The file's rows a batch at a time, for `runStreamingImport`; file-level problems throw while reading. */
export function streamImportFile<Row>(importer: Importer<Row, unknown>, bytes: Buffer, locale: Locale): AsyncIterable<ReadRow<Row>[]> {
  return streamSheet(importer.sheet, bytes, { locale, maxRows: importer.maxRows });
}

/** Every problem of every row, cell problems first, each row's in column order, rows in file order. */
async function checkRows<Row, Plan>(ctx: ServiceContext, importer: Importer<Row, Plan>, rows: readonly ReadRow<Row>[]) {
  const checked = await importer.check(ctx, rows);
  const errors = sortErrors([...rows.flatMap((row) => row.errors), ...checked.errors], columnOrder(importer));
  const invalidRows = new Set(errors.map((error) => error.row));
  return { plan: checked.plan.filter((planned) => !invalidRows.has(planned.row)), errors, invalidRows };
}

/** The dry run: every row checked, nothing written. */
export async function dryRunImport<Row, Plan>(ctx: ServiceContext, importer: Importer<Row, Plan>, rows: readonly ReadRow<Row>[]): Promise<ImportReport> {
  importer.authorize(ctx);
  const { errors, invalidRows } = await checkRows(ctx, importer, rows);
  const columns = columnsOf(importer.sheet);
  return {
    kind: importer.kind,
    total: rows.length,
    valid: rows.length - invalidRows.size,
    invalid: invalidRows.size,
    errorCount: errors.length,
    errors: errors.slice(0, reportedErrorLimit),
    columns: columns.map(({ column }) => column.header),
    preview: rows.slice(0, previewRowLimit).map((row) => ({
      row: row.row,
      cells: columns.map(({ key }) => cellText(row.cells?.[key] ?? null)),
      valid: !invalidRows.has(row.row),
    })),
  };
}

/** A service refusing one row while writing: a record someone created meanwhile, a parent disabled since the check. */
function rowErrorFrom<Row>(importer: Importer<Row, unknown>, locale: Locale, row: number, error: unknown): RowError | undefined {
  if (isUniqueViolation(error) || isForeignKeyViolation(error)) {
    const code = isUniqueViolation(error) ? 'CONFLICT' : 'REFERENCE_GONE';
    return { row, column: '', code, message: translate(locale, code) };
  }
  if (!(error instanceof AppError) || error.status >= 500) return undefined;
  const field = error.options.details?.find((detail) => detail.path?.startsWith('body.'))?.path?.slice('body.'.length);
  const key = field ? (importer.fieldColumns?.[field] ?? field) : undefined;
  const column = key && key in importer.sheet.columns ? importer.sheet.columns[key as keyof Row].header : '';
  return { row, column, code: error.code, message: translate(locale, error.code, error.options.params) };
}

/**
 * Checks every row again (the data may have changed since the dry run), then
 * writes in ONE transaction through the module's service functions, so each
 * row gets the service's own checks and audit entry. Without `skipInvalid`
 * one invalid row means nothing is written; with it the valid rows are
 * written, and a row the service refuses while writing is rolled back alone
 * (a savepoint) and reported. Never throws for a row: the outcome says.
 */
export async function runImport<Row, Plan>(
  ctx: ServiceContext,
  importer: Importer<Row, Plan>,
  rows: readonly ReadRow<Row>[],
  options: { skipInvalid: boolean; onProgress?: (progress: ImportProgress) => void },
): Promise<ImportOutcome> {
  importer.authorize(ctx);
  const report = (progress: ImportProgress) => options.onProgress?.(progress);
  report({ phase: 'checking', total: rows.length, processed: 0 });
  const { plan, errors, invalidRows } = await checkRows(ctx, importer, rows);
  report({ phase: 'checking', total: rows.length, processed: rows.length });
  const refused = (failure: ImportOutcome['failure'], rowErrors: RowError[]) => refusedOutcome(rows.length, failure, rowErrors);
  if (invalidRows.size > 0 && !options.skipInvalid) {
    return refused({ code: 'IMPORT_HAS_INVALID_ROWS', message: describe(ctx.locale, 'IMPORT_HAS_INVALID_ROWS', { count: invalidRows.size }) }, errors);
  }

  const writer = new PlanWriter(ctx, importer, options.skipInvalid);
  let processed = 0;
  report({ phase: 'writing', total: plan.length, processed: 0 });
  try {
    await inOneTransaction(ctx, (joined) =>
      writer.write(joined, plan, (rowCount) => {
        processed += rowCount;
        report({ phase: 'writing', total: plan.length, processed });
      }),
    );
  } catch (error) {
    if (!(error instanceof RowWriteFailed)) throw error;
    const { row, message } = error.rowError;
    return refused({ code: 'IMPORT_ROW_FAILED', message: describe(ctx.locale, 'IMPORT_ROW_FAILED', { row, reason: message }) }, [...errors, error.rowError]);
  }
  const allErrors = [...errors, ...writer.errors].sort((a, b) => a.row - b.row);
  return { total: rows.length, imported: writer.written.size, skipped: rows.length - writer.written.size, errors: allErrors, failure: null };
}

/** Rows gathered from the reader before they are checked and written together: big enough to keep inserts in index order. */
export const streamedBatchRows = 25_000;

/**
 * The import for files too large to hold twice: rows come from the reader a
 * batch at a time, each batch is checked (`Importer.batchChecker`) and written
 * in the import's one transaction while the next batch is read, so the
 * database inserts while the file is parsed. The rule stays all or nothing:
 * after the first invalid row nothing more is written, every remaining row
 * is still checked so the report is complete, and the transaction is rolled
 * back (unless `skipInvalid`). Needs an importer with `batchChecker` and
 * `writeBatch`; the outcome is the same as `runImport`'s on the same rows.
 */
export async function runStreamingImport<Row, Plan>(
  ctx: ServiceContext,
  importer: Importer<Row, Plan>,
  batches: AsyncIterable<readonly ReadRow<Row>[]>,
  options: { skipInvalid: boolean; dryRun?: boolean; batchRows?: number },
): Promise<ImportOutcome> {
  importer.authorize(ctx);
  if (!importer.batchChecker || !importer.writeBatch) throw new Error(`the ${importer.kind} importer cannot check its rows in batches`);
  const makeChecker = importer.batchChecker;
  const writer = new PlanWriter(ctx, importer, options.skipInvalid);
  const order = columnOrder(importer);
  const errors: RowError[] = [];
  const invalidRows = new Set<number>();
  let total = 0;
  let writing = !options.dryRun;
  const batchRows = options.batchRows ?? streamedBatchRows;
  try {
    await inOneTransaction(ctx, async (joined) => {
      const check = await makeChecker(joined);
      /** The write under way, awaited before the next starts: one at a time in the transaction, overlapping the reading. */
      let inFlight: Promise<void> = Promise.resolve();
      const checkAndWrite = async (rows: ReadRow<Row>[]) => {
        total += rows.length;
        const checked = await check(rows);
        const batchErrors = [...rows.flatMap((row) => row.errors), ...checked.errors];
        for (const error of batchErrors) (errors.push(error), invalidRows.add(error.row));
        if (invalidRows.size > 0 && !options.skipInvalid) writing = false;
        await inFlight;
        if (!writing) return;
        inFlight = writer.write(joined, checked.plan.filter((planned) => !invalidRows.has(planned.row)));
        // Its failure is taken up by the next `await inFlight`; until then it must not count as unhandled.
        inFlight.catch(() => {});
      };
      let gathered: ReadRow<Row>[] = [];
      for await (const batch of batches) {
        for (const row of batch) gathered.push(row);
        if (gathered.length < batchRows) continue;
        await checkAndWrite(gathered);
        gathered = [];
      }
      if (gathered.length > 0) await checkAndWrite(gathered);
      await inFlight;
      if (!writing) throw new NothingWritten();
    });
  } catch (error) {
    if (error instanceof RowWriteFailed) {
      const { row, message } = error.rowError;
      return refusedOutcome(total, { code: 'IMPORT_ROW_FAILED', message: describe(ctx.locale, 'IMPORT_ROW_FAILED', { row, reason: message }) }, [...sortErrors(errors, order), error.rowError]);
    }
    if (!(error instanceof NothingWritten)) throw error;
  }
  const sorted = sortErrors([...errors, ...writer.errors], order);
  if (options.dryRun) return { total, imported: 0, skipped: total, errors: sorted, failure: null, invalid: invalidRows.size };
  if (!writing) {
    return refusedOutcome(total, { code: 'IMPORT_HAS_INVALID_ROWS', message: describe(ctx.locale, 'IMPORT_HAS_INVALID_ROWS', { count: invalidRows.size }) }, sorted);
  }
  return { total, imported: writer.written.size, skipped: total - writer.written.size, errors: sorted, failure: null, invalid: invalidRows.size };
}

/**
 * The command line's import of a whole file: a dry run (every row checked,
 * nothing written) or the import. Streamed (`runStreamingImport`) when the
 * importer checks in batches, else read whole and run as the API runs it.
 */
export async function importFromFile<Row, Plan>(
  ctx: ServiceContext,
  importer: Importer<Row, Plan>,
  bytes: Buffer,
  options: { skipInvalid: boolean; dryRun: boolean },
): Promise<ImportOutcome & { invalid: number }> {
  const withInvalid = (outcome: ImportOutcome) => ({ ...outcome, invalid: outcome.invalid ?? new Set(outcome.errors.map((error) => error.row)).size });
  if (importer.batchChecker && importer.writeBatch) {
    return withInvalid(await runStreamingImport(ctx, importer, streamImportFile(importer, bytes, ctx.locale), options));
  }
  const rows = await readImportFile(importer, bytes, ctx.locale);
  if (!options.dryRun) return withInvalid(await runImport(ctx, importer, rows, options));
  importer.authorize(ctx);
  const { errors, invalidRows } = await checkRows(ctx, importer, rows);
  return { total: rows.length, imported: 0, skipped: rows.length, errors, failure: null, invalid: invalidRows.size };
}

const refusedOutcome = (total: number, failure: ImportOutcome['failure'], errors: RowError[]): ImportOutcome => ({ total, imported: 0, skipped: total, errors, failure });

/** Each column's place in the sheet, for reporting a row's problems in column order. */
function columnOrder<Row>(importer: Importer<Row, unknown>): Map<string, number> {
  return new Map(columnsOf(importer.sheet).map(({ column }, i) => [column.header, i]));
}

/** Rows in file order, each row's problems in column order. */
function sortErrors(errors: RowError[], order: Map<string, number>): RowError[] {
  return errors.sort((a, b) => a.row - b.row || (order.get(a.column) ?? -1) - (order.get(b.column) ?? -1));
}

/** Leaves the transaction so it rolls back: a row was invalid, or it was a dry run. */
class NothingWritten extends Error {}

/**
 * Writes planned rows inside the import's transaction: a batch at a time
 * through `writeBatch` when the importer has it, a failed batch undone and
 * retried row by row to find the row at fault; otherwise row by row through
 * `write`. With `skipInvalid` a row the service refuses is rolled back alone
 * (a savepoint) and reported; without, it ends the import (RowWriteFailed).
 */
class PlanWriter<Row, Plan> {
  /** Row numbers written, with the ids they created. */
  readonly written = new Map<number, string>();
  /** Rows the service refused while writing, with `skipInvalid`. */
  readonly errors: RowError[] = [];

  constructor(
    private readonly ctx: ServiceContext,
    private readonly importer: Importer<Row, Plan>,
    private readonly skipInvalid: boolean,
  ) {}

  async write(joined: ServiceContext & { db: Trx }, plan: readonly PlannedRow<Plan>[], advance: (rowCount: number) => void = () => {}): Promise<void> {
    const { writeBatch } = this.importer;
    if (!writeBatch) {
      for (const planned of plan) {
        await this.writeRow(joined, planned);
        advance(1);
      }
      return;
    }
    for (let start = 0; start < plan.length; start += writeBatchSize) {
      const batch = plan.slice(start, start + writeBatchSize);
      await sql`savepoint import_batch`.execute(joined.db);
      try {
        const ids = await writeBatch(joined, batch.map((planned) => planned.plan));
        batch.forEach(({ row }, i) => this.written.set(row, ids[i] ?? ''));
      } catch {
        // Undo the batch and find the row at fault by writing its rows one at a time.
        await sql`rollback to savepoint import_batch`.execute(joined.db);
        for (const planned of batch) await this.writeRow(joined, planned);
      }
      await sql`release savepoint import_batch`.execute(joined.db);
      advance(batch.length);
    }
  }

  /** One row through the module's service, alone in a savepoint when a refusal should skip just that row. */
  private async writeRow(joined: ServiceContext & { db: Trx }, { row, plan }: PlannedRow<Plan>): Promise<void> {
    if (this.skipInvalid) await sql`savepoint import_row`.execute(joined.db);
    try {
      const id = await this.importer.write(joined, plan, this.written);
      this.written.set(row, id ?? '');
      if (this.skipInvalid) await sql`release savepoint import_row`.execute(joined.db);
    } catch (error) {
      const rowError = rowErrorFrom(this.importer, this.ctx.locale, row, error);
      if (!rowError || !this.skipInvalid) throw rowError ? new RowWriteFailed(rowError) : error;
      await sql`rollback to savepoint import_row`.execute(joined.db);
      this.errors.push(rowError);
    }
  }
}

/** Carries a row's refusal out of the transaction, which rolls back on the way. */
class RowWriteFailed extends Error {
  constructor(readonly rowError: RowError) {
    super(rowError.message);
  }
}
