/**
 * The writes a run made, and what each record must look like afterwards.
 *
 * A write acknowledged with a 2xx must be there with its content. A write
 * whose answer never came (the server was killed while it ran) may or may
 * not have happened: until it is answered, both the state before and the
 * state it asked for are accepted. A write refused with a 4xx changed nothing.
 */
import type { Answer, HttpClient } from './http-client.ts';

export type RecordKind = 'activity' | 'article' | 'booking';

/** The fields of a record a write set, compared with what the API shows afterwards. */
export type RecordState = Record<string, string | number | boolean | null>;

interface Tracked {
  kind: RecordKind;
  id: string;
  /** The states the record may be in; one, unless a write's answer never came. */
  accepted: RecordState[];
}

const isSuccess = (status: number) => status >= 200 && status < 300;

export class WriteLedger {
  private readonly records = new Map<string, Tracked>();
  /** Acknowledged writes (2xx) by kind: the number reported for the run. */
  readonly acknowledged: Record<RecordKind, number> = { activity: 0, article: 0, booking: 0 };

  /** A record the server acknowledged creating, as it was created. */
  created(kind: RecordKind, id: string, state: RecordState): void {
    this.records.set(`${kind}:${id}`, { kind, id, accepted: [state] });
    this.acknowledged[kind]++;
  }

  /**
   * Sends a change to a created record and keeps the ledger in step with its
   * answer: the record's expected state takes `change` on a 2xx, keeps its
   * state on a refusal, and may be either while no answer has come.
   */
  async change(kind: RecordKind, id: string, change: RecordState, send: () => Promise<Answer>): Promise<Answer> {
    const record = this.records.get(`${kind}:${id}`);
    if (!record) throw new Error(`${kind} ${id} was never acknowledged as created`);
    const before = record.accepted;
    const after = before.map((state) => ({ ...state, ...change }));
    record.accepted = [...before, ...after];
    const answer = await send();
    if (isSuccess(answer.status)) {
      record.accepted = after;
      this.acknowledged[kind]++;
    } else if (answer.status !== 0) {
      record.accepted = before;
    }
    return answer;
  }

  get size(): number {
    return this.records.size;
  }

  /**
   * Reads every record back through the API and lists the ones that are
   * missing or hold none of the accepted states: lost acknowledged writes.
   */
  async findLost(read: (kind: RecordKind, id: string) => Promise<RecordState | undefined>, concurrency = 8): Promise<string[]> {
    const lost: string[] = [];
    const queue = [...this.records.values()];
    const worker = async () => {
      for (let record = queue.shift(); record; record = queue.shift()) {
        const actual = await read(record.kind, record.id);
        const matches = (state: RecordState) => actual !== undefined && Object.entries(state).every(([field, value]) => actual[field] === value);
        if (!record.accepted.some(matches)) {
          lost.push(`${record.kind} ${record.id}: expected ${JSON.stringify(record.accepted.at(-1))}, found ${actual ? JSON.stringify(pick(actual, Object.keys(record.accepted[0]!))) : 'nothing'}`);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return lost;
  }
}

function pick(state: RecordState, fields: string[]): RecordState {
  return Object.fromEntries(fields.map((field) => [field, state[field] ?? null]));
}

/** How the API shows each kind of record, read as the admin (whose scope is the whole tree). */
export function readThroughApi(admin: HttpClient): (kind: RecordKind, id: string) => Promise<RecordState | undefined> {
  return async (kind, id) => {
    if (kind === 'booking') {
      const answer = await admin.send('GET /api/v1/bookings (check)', 'GET', `/api/v1/bookings?q=${encodeURIComponent(id)}`);
      if (answer.status !== 200) throw new Error(`reading booking ${id} answered ${answer.status}`);
      return answer.json<{ items: RecordState[] }>().items.find((booking) => booking.reference === id);
    }
    const path = kind === 'activity' ? `/api/v1/activities/${id}` : `/api/v1/articles/${id}`;
    const answer = await admin.send(`GET ${kind === 'activity' ? '/api/v1/activities/:id' : '/api/v1/articles/:id'} (check)`, 'GET', path);
    if (answer.status === 404) return undefined;
    if (answer.status !== 200) throw new Error(`reading ${kind} ${id} answered ${answer.status}`);
    return answer.json<RecordState>();
  };
}
