/**
 * The writing side of a load run, as the association's staff and the public
 * write during a working day: county and city staff enter, correct and verify
 * activities, the website editor drafts and saves articles (each save naming
 * the revision it started from), and groups book the science museum on the
 * portal, change their booking, and have it confirmed by staff.
 *
 * Every acknowledged write goes into the run's WriteLedger; every answer the
 * story did not expect (other than a refusal the story allows) is a problem
 * the run reports.
 */
import { HttpClient, signIn, type Answer } from './http-client.ts';
import type { RouteStats } from './route-stats.ts';
import type { RecordState, WriteLedger } from './write-ledger.ts';

/** The server setting the booking writers need: each visitor arrives with its own address through the proxy, so the per-address form limit applies per visitor. */
export const writerServerEnv = { KEXIE_TRUST_PROXY: '1' };

export interface WorkloadSetup {
  baseUrl: string;
  stats: RouteStats;
  /** The admin, who verifies activities, confirms bookings and reads everything back. */
  admin: HttpClient;
  accounts: { admin: HttpClient[]; fangcheng: HttpClient[]; editor: HttpClient[] };
  countyOrgId: string;
  activityTypeIds: string[];
  columnIds: string[];
  /** Open slots of the demo museum from tomorrow on: none has started, so all can be booked. */
  slotIds: string[];
}

/** Signs in the demo staff (a session per writer) and looks up what the stories refer to. */
export async function prepareWorkload(baseUrl: string, stats: RouteStats, sessions = { admin: 3, fangcheng: 2, editor: 2 }): Promise<WorkloadSetup> {
  const signInMany = async (username: string, count: number) => {
    const clients: HttpClient[] = [];
    for (let i = 0; i < count; i++) clients.push((await signIn(baseUrl, stats, username)).client);
    return clients;
  };
  const { client: admin } = await signIn(baseUrl, stats, 'admin');
  const { client: fangcheng, user: fangchengUser } = await signIn(baseUrl, stats, 'fangcheng');
  const accounts = { admin: [admin, ...(await signInMany('admin', sessions.admin - 1))], fangcheng: [fangcheng, ...(await signInMany('fangcheng', sessions.fangcheng - 1))], editor: await signInMany('editor', sessions.editor) };

  const read = async <T>(path: string, route = `GET ${path.split('?')[0]}`): Promise<T> => {
    const answer = await admin.send(`${route} (setup)`, 'GET', path);
    if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    return answer.json<T>();
  };
  const types = await read<{ items: { id: string; active: boolean }[] }>('/api/v1/activity-types');
  const columns = await read<{ items: { id: string; listStyle: string }[] }>('/api/v1/columns');
  const venues = await read<{ items: { id: string }[] }>(`/api/v1/venues?q=${encodeURIComponent('南阳市科技馆')}`);
  if (!venues.items[0]) throw new Error('the demo museum 南阳市科技馆 is missing: was the demo loaded?');
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const slots = await read<{ items: { id: string; status: string }[] }>(`/api/v1/venues/${venues.items[0].id}/slots?from=${tomorrow}`, 'GET /api/v1/venues/:id/slots');
  const slotIds = slots.items.filter((slot) => slot.status === 'open').map((slot) => slot.id);
  if (slotIds.length < 2) throw new Error('the demo museum has fewer than two open slots from tomorrow on');
  return {
    baseUrl,
    stats,
    admin,
    accounts,
    countyOrgId: fangchengUser.orgId,
    activityTypeIds: types.items.filter((t) => t.active).map((t) => t.id),
    columnIds: columns.items.filter((c) => c.listStyle === 'list').map((c) => c.id),
    slotIds,
  };
}

/** An answer the story did not expect, kept for the report. */
export interface WriteProblem {
  route: string;
  status: number;
  body: string;
}

export interface WriterRun {
  setup: WorkloadSetup;
  ledger: WriteLedger;
  /** Distinguishes this run's titles from earlier runs' on the same database. */
  tag: string;
  /** Checked before every step; the writers finish their current request and stop. */
  stopped: () => boolean;
  problems: WriteProblem[];
}

/** The server stopped answering (it was killed): the writer ends its story there. */
class ServerGone extends Error {}

type Story = (run: WriterRun, writer: number, round: number) => Promise<void>;

/**
 * Runs `count` writers until `run.stopped()` or the server stops answering.
 * Writers take the stories in turn by their number: activities by city and
 * county staff, articles by the editor, bookings by the public.
 */
export async function runWriters(run: WriterRun, count: number): Promise<void> {
  const stories: Story[] = [activityStory, bookingStory, articleStory];
  await Promise.all(
    Array.from({ length: count }, async (_, writer) => {
      const story = stories[writer % stories.length]!;
      try {
        for (let round = 0; !run.stopped(); round++) await story(run, writer, round);
      } catch (error) {
        if (!(error instanceof ServerGone)) throw error;
      }
    }),
  );
}

/** Sends a step and checks its status: an allowed refusal returns the answer; anything else unexpected is a problem and ends the round. */
async function step(run: WriterRun, route: string, answer: Promise<Answer>, expected: number[], allowed: number[] = []): Promise<Answer | undefined> {
  const got = await answer;
  if (got.status === 0) throw new ServerGone();
  if (expected.includes(got.status)) return got;
  if (!allowed.includes(got.status)) run.problems.push({ route, status: got.status, body: got.body.slice(0, 300) });
  return undefined;
}

const pickOf = <T>(items: T[], n: number): T => items[n % items.length]!;

/** Create an activity, correct it, have the city verify it, and (for the city's own entries) correct it once more. */
const activityStory: Story = async (run, writer, round) => {
  const { setup, ledger } = run;
  const cityEnters = writer % 2 === 0;
  const author = cityEnters ? pickOf(setup.accounts.admin, writer) : pickOf(setup.accounts.fangcheng, writer);
  const day = new Date(Date.UTC(2025, 0, 1 + ((writer * 37 + round) % 365))).toISOString().slice(0, 10);
  const body = {
    title: `${run.tag}科普讲座进社区 第${writer}-${round}期`,
    typeId: pickOf(setup.activityTypeIds, round),
    campaignId: null,
    series: '',
    startDate: day,
    endDate: day,
    orgId: setup.countyOrgId,
    venue: '方城县文化中心',
    organiser: '方城县科协',
    partners: round % 3 === 0 ? ['方城县教育局'] : [],
    participants: 100 + round,
    mode: 'offline',
    quantity: 1,
    description: '',
    evidenceMediaIds: [],
    public: round % 2 === 0,
  };
  const created = await step(run, 'POST /api/v1/activities', author.send('POST /api/v1/activities', 'POST', '/api/v1/activities', { json: body }), [200, 201]);
  if (!created || run.stopped()) return;
  const id = created.json<{ id: string }>().id;
  ledger.created('activity', id, { title: body.title, participants: body.participants, status: 'reported' });

  const correct = async (by: HttpClient, participants: number) => {
    const change = { title: `${body.title}（更正${participants}）`, participants };
    const sent = await ledger.change('activity', id, change, () => by.send('PUT /api/v1/activities/:id', 'PUT', `/api/v1/activities/${id}`, { json: { ...body, ...change } }));
    return step(run, 'PUT /api/v1/activities/:id', Promise.resolve(sent), [200]);
  };
  if (!(await correct(author, body.participants + 50)) || run.stopped()) return;
  const verify = () => setup.admin.send('POST /api/v1/activities/:id/verify', 'POST', `/api/v1/activities/${id}/verify`);
  const verified = await step(run, 'POST /api/v1/activities/:id/verify', ledger.change('activity', id, { status: 'verified' }, verify), [200]);
  if (!verified || run.stopped() || !cityEnters) return;
  await correct(author, body.participants + 80);
};

/** Draft an article, then save it twice, each save naming the revision it started from. */
const articleStory: Story = async (run, writer, round) => {
  const { setup, ledger } = run;
  const editor = pickOf(setup.accounts.editor, writer);
  const content = {
    title: `${run.tag}青少年科技创新大赛动态 ${writer}-${round}`,
    subtitle: '',
    author: '信息中心',
    source: '南阳市科协',
    columnIds: [pickOf(setup.columnIds, round)],
    coverMediaId: null,
    bodyHtml: '<p>全市中小学生踊跃参加青少年科技创新大赛，科技辅导员现场指导。</p>',
    attachmentIds: [],
    tags: ['科普'],
    isFocus: false,
    isPinned: false,
    publishAt: null,
  };
  const created = await step(run, 'POST /api/v1/articles', editor.send('POST /api/v1/articles', 'POST', '/api/v1/articles', { json: content }), [200, 201]);
  if (!created || run.stopped()) return;
  const { id, revision: first } = created.json<{ id: string; revision: number }>();
  ledger.created('article', id, { title: content.title, revision: first });
  for (let revision = first; revision < first + 2 && !run.stopped(); revision++) {
    const change = { title: `${content.title}（第${revision + 1}稿）`, revision: revision + 1 };
    const save = () => editor.send('PUT /api/v1/articles/:id', 'PUT', `/api/v1/articles/${id}`, { json: { ...content, title: change.title, baseRevision: revision } });
    if (!(await step(run, 'PUT /api/v1/articles/:id', ledger.change('article', id, change, save), [200]))) return;
  }
};

/**
 * A group books the museum on the portal as a visitor would (the form page,
 * then the post), moves its booking to another slot with a different head
 * count, and staff confirm it. A full slot puts the group on the waiting
 * list; a move to a full slot, or confirming a waiting group, is refused
 * with 409, which the story allows.
 */
const bookingStory: Story = async (run, writer, round) => {
  const { setup, ledger } = run;
  // A new visitor each time, from an address of its own (see writerServerEnv).
  const visitor = new HttpClient(setup.baseUrl, setup.stats, { 'x-forwarded-for': `10.${writer}.${(round >> 8) & 255}.${round & 255}` });
  const slotId = pickOf(setup.slotIds, writer * 7 + round);
  const form = await step(run, 'GET /bookings/slots/:id', visitor.send('GET /bookings/slots/:id', 'GET', `/bookings/slots/${slotId}`), [200]);
  const token = form?.body.match(/name="_token" value="([^"]+)"/)?.[1];
  if (!token || run.stopped()) return;
  const phone = `139${String(writer * 100_000 + round).padStart(8, '0')}`;
  const people = 2 + (round % 9);
  const booked = await step(
    run,
    'POST /bookings/slots/:id',
    visitor.send('POST /bookings/slots/:id', 'POST', `/bookings/slots/${slotId}`, { form: { _token: token, people: String(people), organisation: `${run.tag}南阳市第${writer}中学科技社团`, contactName: '李老师', contactPhone: phone, joinWaitlist: '1' } }),
    [201],
  );
  const reference = booked?.body.match(/data-reference="([^"]+)"/)?.[1];
  if (!reference) return;
  ledger.created('booking', reference, { people, slotId });
  if (run.stopped()) return;

  const move: RecordState = { people: people + 1, slotId: pickOf(setup.slotIds, writer * 7 + round + 1) };
  const change = () => visitor.send('POST /bookings/change', 'POST', '/bookings/change', { form: { _token: token, reference, phone, slotId: String(move.slotId), people: String(move.people) } });
  if (!(await step(run, 'POST /bookings/change', ledger.change('booking', reference, move, change), [200], [409])) || run.stopped()) return;

  const found = await step(run, 'GET /api/v1/bookings', setup.admin.send('GET /api/v1/bookings', 'GET', `/api/v1/bookings?q=${reference}`), [200]);
  const booking = found?.json<{ items: { id: string; reference: string; status: string }[] }>().items.find((b) => b.reference === reference);
  if (booking?.status !== 'booked' || run.stopped()) return;
  const confirm = () => setup.admin.send('POST /api/v1/bookings/:id/confirm', 'POST', `/api/v1/bookings/${booking.id}/confirm`);
  await step(run, 'POST /api/v1/bookings/:id/confirm', ledger.change('booking', reference, { status: 'confirmed' }, confirm), [200], [409]);
};
