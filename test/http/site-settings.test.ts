import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { startTestKexie, type TestKexie } from '../helpers/test-app.ts';
import { cliContext } from '../factories/index.ts';
import { storeMedia } from '../../src/modules/media/index.ts';
import { demoSite, loadDemoSite } from '../../src/modules/portal/index.ts';

let kexie: TestKexie;
beforeAll(async () => {
  kexie = await startTestKexie();
});
afterAll(() => kexie.close());

const valid = { ...demoSite, siteName: '测试市科学技术协会' };

describe('site settings API', () => {
  it('starts with a neutral site name and an empty footer on a fresh install', async () => {
    const admin = await kexie.signIn(kexie.root.id, ['admin']);
    const response = await admin.get('/api/v1/site-settings');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ siteName: '科学技术协会', icpNumber: '', logoMediaId: null });
  });

  it('saves every field, audits the change and shows it in the footer at once', async () => {
    const admin = await kexie.signIn(kexie.root.id, ['admin']);
    await kexie.client().get('/'); // cached with the old footer
    const response = await admin.request('PUT', '/api/v1/site-settings', valid);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ siteName: '测试市科学技术协会', icpNumber: '豫ICP备14014232号-1' });

    const audit = await admin.get('/api/v1/audit?entity=site_settings');
    expect(audit.json().items[0]).toMatchObject({ entity: 'site_settings', action: 'update', after: expect.objectContaining({ copyrightHolder: '南阳市科协信息中心' }) });

    const home = await kexie.client().get('/');
    expect(home.body).toContain('测试市科学技术协会');
    expect(home.body).toContain('版权所有：南阳市科协信息中心');
    expect(home.body).toContain('href="https://beian.miit.gov.cn/"');
    expect(home.body).toContain('href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=41130302000201"');
  });

  it('names each badly formatted field with an example and changes nothing', async () => {
    const admin = await kexie.signIn(kexie.root.id, ['admin']);
    const before = (await admin.get('/api/v1/site-settings')).json();
    const response = await admin.request('PUT', '/api/v1/site-settings', {
      ...valid,
      siteName: '  ',
      icpNumber: 'ICP 14014232',
      publicSecurityNumber: '豫公网安备4113030200020号',
      phone: '63132535-abc',
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('SITE_SETTINGS_INVALID');
    expect(error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'body.siteName', message: '请填写网站名称' }),
        expect.objectContaining({ path: 'body.icpNumber', message: 'ICP 备案号格式应如“豫ICP备14014232号-1”' }),
        expect.objectContaining({ path: 'body.publicSecurityNumber', message: expect.stringContaining('14 位数字') }),
        expect.objectContaining({ path: 'body.phone', message: expect.stringContaining('0377-63132535') }),
      ]),
    );
    expect((await admin.get('/api/v1/site-settings')).json()).toEqual(before);
  });

  it('refuses a logo id that is not in the media library', async () => {
    const admin = await kexie.signIn(kexie.root.id, ['admin']);
    const response = await admin.request('PUT', '/api/v1/site-settings', { ...valid, logoMediaId: '0190f000-0000-7000-8000-000000000000' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([expect.objectContaining({ path: 'body.logoMediaId', message: '标志图片不存在，请从媒体库重新选择' })]);
  });

  it('shows a logo from the media library in the header, and refuses an attachment as logo', async () => {
    const admin = await kexie.signIn(kexie.root.id, ['admin']);
    const png = await sharp({ create: { width: 240, height: 96, channels: 4, background: '#a61b1b' } }).png().toBuffer();
    const logo = await storeMedia(await cliContext(kexie.db), { fileName: 'logo.png', bytes: png });
    const pdf = await storeMedia(await cliContext(kexie.db), { fileName: '章程.pdf', bytes: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
    const refused = await admin.request('PUT', '/api/v1/site-settings', { ...valid, logoMediaId: pdf.id });
    expect(refused.json().error.details).toEqual([expect.objectContaining({ path: 'body.logoMediaId', message: '标志必须是图片' })]);
    expect((await admin.request('PUT', '/api/v1/site-settings', { ...valid, logoMediaId: logo.id })).statusCode).toBe(200);
    const home = (await kexie.client().get('/')).body;
    expect(home).toMatch(/<a class="brand" href="\/"><picture>.*alt="".*<\/picture><span>测试市科学技术协会<\/span><\/a>/s);
    await admin.request('PUT', '/api/v1/site-settings', valid);
  });

  it('refuses unknown fields, editors, and admins of a county', async () => {
    const admin = await kexie.signIn(kexie.root.id, ['admin']);
    expect((await admin.request('PUT', '/api/v1/site-settings', { ...valid, theme: 'red' })).statusCode).toBe(400);
    const editor = await kexie.signIn(kexie.root.id, ['editor']);
    expect((await editor.request('PUT', '/api/v1/site-settings', valid)).statusCode).toBe(403);
    const countyAdmin = await kexie.signIn((await kexie.org('411322')).id, ['admin']);
    const refused = await countyAdmin.request('PUT', '/api/v1/site-settings', valid);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('SITE_SETTINGS_SCOPE');
    expect((await countyAdmin.get('/api/v1/site-settings')).statusCode).toBe(403);
    expect((await kexie.client().get('/api/v1/site-settings')).statusCode).toBe(401);
  });

  it('writes without the CSRF token are refused', async () => {
    const admin = await kexie.signIn(kexie.root.id, ['admin']);
    expect((await admin.request('PUT', '/api/v1/site-settings', valid, { 'x-csrf-token': 'wrong' })).statusCode).toBe(403);
  });
});

describe('loadDemoSite', () => {
  it('fills in the reference footer on a fresh site and leaves saved settings alone', async () => {
    const fresh = await startTestKexie();
    try {
      expect(await loadDemoSite(fresh.db)).toBe(true);
      const home = await fresh.client().get('/');
      for (const text of ['南阳市科协信息中心', '0377-63132535', '河南省南阳市范蠡东路1666号5号楼', '豫ICP备14014232号-1', '豫公网安备41130302000201号']) {
        expect(home.body).toContain(text);
      }
      expect(await loadDemoSite(fresh.db)).toBe(false);
    } finally {
      await fresh.close();
    }
  });
});

describe('settings saved by another server process', () => {
  it('reach this process’s cached pages through polling within a few seconds', async () => {
    await kexie.client().get('/');
    // Written straight to the table, as another process would: no in-process notice reaches this one.
    await kexie.db.updateTable('site_settings').set({ site_name: '另一进程改过的站名', updated_at: new Date(Date.now() + 60_000).toISOString() }).execute();
    await expect.poll(async () => (await kexie.client().get('/')).body, { timeout: 6000, interval: 250 }).toContain('另一进程改过的站名');
  });
});
