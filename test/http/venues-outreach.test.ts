import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/modules/audit/index.ts';
import { cliContext } from '../factories/index.ts';
import { buildVenue } from '../factories/venues.ts';
import { startTestKexie, type TestClient, type TestKexie } from '../helpers/test-app.ts';

describe('school outreach (馆校合作 到校活动)', () => {
  let kexie: TestKexie;
  let fangcheng: { id: string };
  let tanghe: { id: string };
  let reporter: TestClient;
  let venueId: string;

  beforeAll(async () => {
    kexie = await startTestKexie();
    fangcheng = await kexie.org('411322');
    tanghe = await kexie.org('411328');
    reporter = await kexie.signIn(fangcheng.id, ['reporter']);
    venueId = (await buildVenue(kexie.db, { ownerOrgId: fangcheng.id })).id;
  });
  afterAll(() => kexie.close());

  const visit = (fields: Record<string, unknown> = {}) => ({ date: '2024-10-15', schoolName: '方城县第二初级中学', countyOrgId: fangcheng.id, activity: '科学实验秀', people: 450, ...fields });

  it('records a visit to a school and refuses the same school on the same day, written with full-width spaces', async () => {
    const created = await reporter.post(`/api/v1/venues/${venueId}/outreach`, visit());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ schoolName: '方城县第二初级中学', countyName: '方城县科协', people: 450 });
    const again = await reporter.post(`/api/v1/venues/${venueId}/outreach`, visit({ schoolName: '方城县　第二初级中学' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'VENUE_OUTREACH_EXISTS', details: [{ path: 'body.schoolName' }] });
    const corrected = await reporter.put(`/api/v1/venues/${venueId}/outreach/${created.json().id}`, visit({ people: 480 }));
    expect(corrected.json().people).toBe(480);
    expect((await reporter.delete(`/api/v1/venues/${venueId}/outreach/${created.json().id}`)).statusCode).toBe(204);
    const audit = await listAudit(await cliContext(kexie.db), { entity: 'venue_outreach', entityId: created.json().id });
    expect(audit.items.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'delete', 'update']);
  });

  it('keeps 唐河县 out of 方城县’s outreach records', async () => {
    const tangheReporter = await kexie.signIn(tanghe.id, ['reporter']);
    expect((await tangheReporter.get(`/api/v1/venues/${venueId}/outreach`)).statusCode).toBe(404);
    expect((await tangheReporter.post(`/api/v1/venues/${venueId}/outreach`, visit({ date: '2024-10-16' }))).statusCode).toBe(404);
  });
});
