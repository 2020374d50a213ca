import type { Db } from '../../database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { pageWindow, type PageRequest } from '../../platform/http/schema.ts';
import { newId } from '../../platform/ids.ts';
import type { RowWindow } from '../../platform/db/pagination.ts';
import { recordAudit } from '../audit/index.ts';
import { isOrgInSubtree } from '../orgs/index.ts';
import { refuseAny, refuseIfNameTaken, type FieldProblem } from './field-problems.ts';
import { venuePolicy } from './venue.policy.ts';

/** The columns every owned, named record has: its owner org is its data scope. */
export interface OwnedRow {
  id: string;
  name: string;
  owner_org_id: string;
  created_at: string;
  updated_at: string;
}

/**
 * What one kind of owned, named record (a venue, a caravan, a touring show)
 * states for itself; `ownedRecords` does the rest the same way for each.
 */
export interface OwnedRecordKind<Row extends OwnedRow, Input extends { name: string }, View> {
  /** The audit trail's name for the kind. */
  entity: string;
  /** Error codes: the id is missing or outside the actor's scope (404); another record has the name (409). */
  codes: { notFound: string; nameTaken: string };
  /** The kind's repository functions. */
  store: {
    findById(db: Db, id: string, scopeRootId: string): Promise<Row | undefined>;
    insert(db: Db, row: Row): Promise<void>;
    update(db: Db, id: string, changes: Omit<Row, 'id'>): Promise<void>;
    remove(db: Db, id: string): Promise<void>;
  };
  /** The row's own columns, from a checked input. */
  fields(input: Input): Omit<Row, 'id' | 'created_at' | 'updated_at'>;
  /** Every rule the input breaks beyond its schema; `selfId` is the record being changed. */
  problems(db: Db, ctx: ServiceContext, input: Input, selfId?: string): Promise<FieldProblem[]>;
  /** The API view of rows, looked up once for the batch. */
  present(db: Db, rows: readonly Row[]): Promise<View[]>;
  /** Records kept under this one: while it has any, deleting it answers 409 with this code and its name. */
  children: { refusal: string; exist(db: Db, id: string): Promise<boolean> };
}

/**
 * Create, update, delete, get and list for one kind of owned, named record:
 * scope checked first (outside it answers 404 like a missing id), then the
 * policy, then the kind's rules; each write audited in its own transaction.
 */
export function ownedRecords<Row extends OwnedRow, Input extends { name: string }, View>(kind: OwnedRecordKind<Row, Input, View>) {
  const { entity, codes, store } = kind;
  /** The row if the actor's org owns it or is above the org that does; otherwise 404, as for a missing id. */
  async function rowInScope(db: Db, ctx: ServiceContext, id: string): Promise<Row> {
    const row = await store.findById(db, id, ctx.actor.orgId);
    if (!row) throw new AppError(codes.notFound, 404);
    return row;
  }

  return {
    rowInScope,

    async create(ctx: ServiceContext, input: Input): Promise<View> {
      venuePolicy.assertCan(ctx.actor, 'write');
      return ctx.db
        .transaction()
        .execute(async (trx) => {
          refuseAny(await kind.problems(trx, ctx, input));
          const now = nowIso();
          const row = { id: newId(), ...kind.fields(input), created_at: now, updated_at: now } as Row;
          await store.insert(trx, row);
          const [view] = await kind.present(trx, [row]);
          await recordAudit(trx, ctx, { entity, entityId: row.id, orgId: row.owner_org_id, action: 'create', before: null, after: view });
          return view!;
        })
        .catch((err) => refuseIfNameTaken(err, codes.nameTaken, input.name));
    },

    async update(ctx: ServiceContext, id: string, input: Input): Promise<View> {
      return ctx.db
        .transaction()
        .execute(async (trx) => {
          const before = await rowInScope(trx, ctx, id);
          venuePolicy.assertCan(ctx.actor, 'write');
          refuseAny(await kind.problems(trx, ctx, input, id));
          const after: Row = { ...before, ...kind.fields(input), updated_at: nowIso() };
          const { id: _id, ...changes } = after;
          await store.update(trx, id, changes);
          const [beforeView, afterView] = await kind.present(trx, [before, after]);
          await recordAudit(trx, ctx, { entity, entityId: id, orgId: after.owner_org_id, action: 'update', before: beforeView, after: afterView });
          return afterView!;
        })
        .catch((err) => refuseIfNameTaken(err, codes.nameTaken, input.name));
    },

    async remove(ctx: ServiceContext, id: string): Promise<void> {
      await ctx.db.transaction().execute(async (trx) => {
        const before = await rowInScope(trx, ctx, id);
        venuePolicy.assertCan(ctx.actor, 'write');
        if (await kind.children.exist(trx, id)) throw new AppError(kind.children.refusal, 409, { params: { name: before.name } });
        await store.remove(trx, id);
        const [view] = await kind.present(trx, [before]);
        await recordAudit(trx, ctx, { entity, entityId: id, orgId: before.owner_org_id, action: 'delete', before: view, after: null });
      });
    },

    async get(ctx: ServiceContext, id: string): Promise<View> {
      const row = await rowInScope(ctx.db, ctx, id);
      venuePolicy.assertCan(ctx.actor, 'read');
      return (await kind.present(ctx.db, [row]))[0]!;
    },

    /** One page of the records in the actor's scope; `find` applies the kind's own filters. */
    async list(ctx: ServiceContext, query: PageRequest, find: (scopeRootId: string, window: RowWindow) => Promise<{ rows: Row[]; total: number }>) {
      venuePolicy.assertCan(ctx.actor, 'read');
      const window = pageWindow(query);
      const { rows, total } = await find(ctx.actor.orgId, window);
      return { items: await kind.present(ctx.db, rows), total, page: window.page, pageSize: window.pageSize };
    },
  };
}

/**
 * The two rules most owned, named records meet (caravans, touring shows):
 * the owner org is in the actor's scope (else 404, as for a record that does
 * not exist) and no other record has the name (409).
 */
export async function ownerAndNameProblems(
  db: Db,
  actorOrgId: string,
  record: { ownerOrgId: string; name: string; selfId?: string },
  rules: { findByName: (db: Db, name: string) => Promise<{ id: string } | undefined>; ownerOutOfScope: string; nameTaken: string },
): Promise<FieldProblem<'ownerOrgId' | 'name'>[]> {
  const problems: FieldProblem<'ownerOrgId' | 'name'>[] = [];
  if (!(await isOrgInSubtree(db, actorOrgId, record.ownerOrgId))) problems.push({ field: 'ownerOrgId', code: rules.ownerOutOfScope, status: 404 });
  const name = record.name.trim();
  const same = await rules.findByName(db, name);
  if (same && same.id !== record.selfId) problems.push({ field: 'name', code: rules.nameTaken, status: 409, params: { name } });
  return problems;
}

/** The columns of a record kept under an owned one (a venue's visit figure, a caravan's trip, a show's stop). */
export interface DependentRow {
  id: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** What one kind of record kept under an owned record states for itself; `recordsUnder` does the rest. */
export interface DependentRecordKind<Parent extends OwnedRow, Row extends DependentRow, Input, View, Fields extends Partial<Row>> {
  /** The audit trail's name for the kind. */
  entity: string;
  /** The error code for an id that is not under the parent (404). */
  notFound: string;
  /** The parent row, if it is in the actor's scope (else 404). */
  parentInScope(db: Db, ctx: ServiceContext, parentId: string): Promise<Parent>;
  /** The kind's repository functions. */
  store: {
    find(db: Db, parentId: string, id: string): Promise<Row | undefined>;
    insert(db: Db, rows: readonly Row[]): Promise<void>;
    update(db: Db, id: string, changes: Omit<Row, 'id'>): Promise<void>;
    remove(db: Db, id: string): Promise<void>;
  };
  /** Every rule the input breaks (`selfId` is the record being changed), and the row's own columns. */
  resolve(db: Db, parent: Parent, input: Input, selfId?: string): Promise<{ problems: FieldProblem[]; fields: Fields }>;
  /** A new row under the parent with these columns. */
  newRow(ctx: ServiceContext, parentId: string, fields: Fields, now: string): Row;
  /** The API view of rows of one parent. */
  present(db: Db, parent: Parent, rows: readonly Row[]): Promise<View[]>;
  /** Throws for a stored record the form may not change or delete. */
  assertEditable?(row: Row): void;
  /** A write the database refused (a concurrent duplicate), explained as the checks would have; rethrows anything else. */
  explainRefusal?(err: unknown, ctx: ServiceContext, parent: Parent, input: Input, selfId?: string): Promise<never>;
}

/**
 * Create, update, delete and list for records kept under an owned record:
 * the parent's scope gives theirs, and their audit entries carry the
 * parent's owner org.
 */
export function recordsUnder<Parent extends OwnedRow, Row extends DependentRow, Input, View, Fields extends Partial<Row>>(
  kind: DependentRecordKind<Parent, Row, Input, View, Fields>,
) {
  const { entity, store } = kind;
  /** The record and its parent, for a change: 404 outside the scope or under another parent. */
  async function inScope(db: Db, ctx: ServiceContext, parentId: string, id: string): Promise<{ parent: Parent; row: Row }> {
    const parent = await kind.parentInScope(db, ctx, parentId);
    const row = await store.find(db, parentId, id);
    if (!row) throw new AppError(kind.notFound, 404);
    venuePolicy.assertCan(ctx.actor, 'write');
    kind.assertEditable?.(row);
    return { parent, row };
  }
  /** Passes a refused write to the kind's explanation once the parent is known. */
  const explain = (err: unknown, ctx: ServiceContext, parent: Parent | undefined, input: Input | undefined, selfId?: string): Promise<never> => {
    if (parent && input !== undefined && kind.explainRefusal) return kind.explainRefusal(err, ctx, parent, input, selfId);
    throw err;
  };

  /** Checks and records records under one parent in one transaction, each audited: the form's one, or the demo's batch. */
  async function createMany(ctx: ServiceContext, parentId: string, inputs: readonly Input[]): Promise<View[]> {
    let parent: Parent | undefined;
    let current: Input | undefined;
    return ctx.db
      .transaction()
      .execute(async (trx) => {
        parent = await kind.parentInScope(trx, ctx, parentId);
        venuePolicy.assertCan(ctx.actor, 'write');
        const now = nowIso();
        const rows: Row[] = [];
        for (const input of inputs) {
          current = input;
          const { problems, fields } = await kind.resolve(trx, parent, input);
          refuseAny(problems);
          const row = kind.newRow(ctx, parentId, fields, now);
          await store.insert(trx, [row]);
          rows.push(row);
        }
        const views = await kind.present(trx, parent, rows);
        for (const [i, view] of views.entries()) {
          await recordAudit(trx, ctx, { entity, entityId: rows[i]!.id, orgId: parent.owner_org_id, action: 'create', before: null, after: view });
        }
        return views;
      })
      .catch((err) => explain(err, ctx, parent, current));
  }

  return {
    createMany,

    async create(ctx: ServiceContext, parentId: string, input: Input): Promise<View> {
      return (await createMany(ctx, parentId, [input]))[0]!;
    },

    async update(ctx: ServiceContext, parentId: string, id: string, input: Input): Promise<View> {
      let parent: Parent | undefined;
      return ctx.db
        .transaction()
        .execute(async (trx) => {
          const found = await inScope(trx, ctx, parentId, id);
          parent = found.parent;
          const { problems, fields } = await kind.resolve(trx, parent, input, id);
          refuseAny(problems);
          const after: Row = { ...found.row, ...fields, updated_at: nowIso() };
          const { id: _id, ...changes } = after;
          await store.update(trx, id, changes);
          const [beforeView, afterView] = await kind.present(trx, parent, [found.row, after]);
          await recordAudit(trx, ctx, { entity, entityId: id, orgId: parent.owner_org_id, action: 'update', before: beforeView, after: afterView });
          return afterView!;
        })
        .catch((err) => explain(err, ctx, parent, input, id));
    },

    async remove(ctx: ServiceContext, parentId: string, id: string): Promise<void> {
      await ctx.db.transaction().execute(async (trx) => {
        const { parent, row } = await inScope(trx, ctx, parentId, id);
        await store.remove(trx, id);
        const [view] = await kind.present(trx, parent, [row]);
        await recordAudit(trx, ctx, { entity, entityId: id, orgId: parent.owner_org_id, action: 'delete', before: view, after: null });
      });
    },

    /** One page of the parent's records; `find` applies the kind's own filters. */
    async list(ctx: ServiceContext, parentId: string, query: PageRequest, find: (window: RowWindow) => Promise<{ rows: Row[]; total: number }>) {
      const parent = await kind.parentInScope(ctx.db, ctx, parentId);
      venuePolicy.assertCan(ctx.actor, 'read');
      const window = pageWindow(query);
      const { rows, total } = await find(window);
      return { items: await kind.present(ctx.db, parent, rows), total, page: window.page, pageSize: window.pageSize };
    },

    /** Writes rows checked beforehand (an import, the demo's year) in one transaction, with one audit entry for the batch. */
    async insertPlanned(ctx: ServiceContext, rows: readonly Row[], origin: string): Promise<string[]> {
      venuePolicy.assertCan(ctx.actor, 'write');
      await ctx.db.transaction().execute(async (trx) => {
        await store.insert(trx, rows);
        await recordAudit(trx, ctx, {
          entity,
          entityId: null,
          orgId: ctx.actor.orgId,
          action: 'import',
          before: null,
          after: { source: origin, count: rows.length, firstId: rows[0]?.id ?? null, lastId: rows.at(-1)?.id ?? null },
        });
      });
      return rows.map((row) => row.id);
    },
  };
}
