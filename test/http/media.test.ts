import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerMediaUsageSource, storeMedia } from '../../src/modules/media/index.ts';
import { systemContext } from '../../src/platform/context.ts';
import { startTestKexie, type TestClient, type TestKexie } from '../helpers/test-app.ts';

interface FormPart {
  name: string;
  value?: string;
  fileName?: string;
  bytes?: Buffer;
  contentType?: string;
}

/** A multipart/form-data body as a browser sends it: file names as raw UTF-8. */
function form(parts: FormPart[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----kexie${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const isFile = part.bytes !== undefined;
    const disposition = `form-data; name="${part.name}"${isFile ? `; filename="${part.fileName}"` : ''}`;
    const type = isFile ? `Content-Type: ${part.contentType ?? 'application/octet-stream'}\r\n` : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`), part.bytes ?? Buffer.from(part.value ?? ''), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const upload = (client: TestClient, fileName: string, bytes: Buffer, fields: Record<string, string> = {}) => {
  const { payload, headers } = form([...Object.entries(fields).map(([name, value]) => ({ name, value })), { name: 'file', fileName, bytes }]);
  return client.post('/api/v1/media', payload, headers);
};

/** A photo as a phone takes it: 1200×800 pixels stored sideways, EXIF orientation 6, camera and author tags. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3a7' } })
    .jpeg()
    .withExifMerge({ IFD0: { Make: 'KexiePhone', Artist: 'secret-photographer', Copyright: 'secret-copyright' } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

const png = (width: number, height: number) => sharp({ create: { width, height, channels: 4, background: { r: 200, g: 30, b: 30, alpha: 0.5 } } }).png().toBuffer();
const minimalPdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** An OLE compound file whose directory names the given stream, as old Word (.doc) and Excel (.xls) files are. */
function compoundFile(stream: 'WordDocument' | 'Workbook'): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header);
  const directory = Buffer.alloc(512);
  Buffer.from(stream, 'utf16le').copy(directory);
  return Buffer.concat([header, directory]);
}

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('活动').addRow(['名称', '日期']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Every file under the media directory, relative to it. */
function storedFiles(kexie: TestKexie): string[] {
  return fs.readdirSync(kexie.config.mediaDir, { recursive: true, encoding: 'utf8' }).filter((entry) => fs.statSync(path.join(kexie.config.mediaDir, entry)).isFile());
}

const maxImageBytes = 256 * 1024;

describe('media library over HTTP', () => {
  let kexie: TestKexie;
  let editor: TestClient;
  beforeAll(async () => {
    kexie = await startTestKexie({ mediaMaxImageBytes: maxImageBytes });
    editor = await kexie.signIn(kexie.root.id, ['editor']);
  });
  afterAll(() => kexie.close());

  it('keeps uploads in the test server’s own temporary directory', () => {
    expect(kexie.config.mediaDir.startsWith(path.resolve('data'))).toBe(false);
    expect(fs.existsSync(kexie.config.mediaDir)).toBe(true);
  });

  it('stores a phone photo upright with its EXIF stripped, and makes JPEG and WebP variants without upscaling', async () => {
    const photo = await phonePhoto();
    expect((await sharp(photo).metadata()).orientation).toBe(6);
    expect(photo.includes('secret-photographer')).toBe(true);
    const response = await upload(editor, '会场照片.jpg', photo, { alt: '科普大篷车进校园' });
    expect(response.statusCode, response.body).toBe(201);
    const item = response.json();
    // Turned upright by its orientation tag before the tag went away.
    expect(item).toMatchObject({ kind: 'image', mimeType: 'image/jpeg', originalName: '会场照片.jpg', width: 800, height: 1200, alt: '科普大篷车进校园' });
    expect(item.url).toMatch(/^\/media\/images\/[0-9a-f]{2}\/[0-9a-f]{64}\/original\.jpg$/);

    const original = await kexie.client().get(item.url);
    expect(original.statusCode).toBe(200);
    expect(original.headers['content-type']).toBe('image/jpeg');
    expect(original.headers['x-content-type-options']).toBe('nosniff');
    expect(original.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const originalMeta = await sharp(original.rawPayload).metadata();
    expect(originalMeta).toMatchObject({ width: 800, height: 1200, format: 'jpeg' });
    expect(originalMeta.exif).toBeUndefined();
    expect(originalMeta.orientation).toBeUndefined();
    expect(original.rawPayload.includes('secret-photographer')).toBe(false);
    expect(item.bytes).toBe(original.rawPayload.length);

    // 800 px wide: 480 and the image itself, never 960 or 1600.
    expect(item.variants.map((v: { width: number; format: string }) => `${v.width}.${v.format}`).sort()).toEqual(['480.jpeg', '480.webp', '800.jpeg', '800.webp']);
    for (const variant of item.variants) {
      const served = await kexie.client().get(variant.url);
      expect(served.statusCode, variant.url).toBe(200);
      expect(served.headers['content-type']).toBe(`image/${variant.format}`);
      const meta = await sharp(served.rawPayload).metadata();
      expect(meta).toMatchObject({ width: variant.width, height: variant.height, format: variant.format });
      expect(meta.exif, variant.url).toBeUndefined();
      expect(served.rawPayload.includes('secret-photographer')).toBe(false);
    }
    expect(item.thumbnailUrl).toMatch(/\/w480\.webp$/);
  });

  it('makes 480, 960 and 1600 wide variants of a large image and keeps a GIF’s first frame as PNG variants', async () => {
    const large = (await upload(editor, 'banner.png', await png(2000, 500))).json();
    expect(large.variants.map((v: { width: number; format: string }) => `${v.width}.${v.format}`)).toEqual(['480.png', '480.webp', '960.png', '960.webp', '1600.png', '1600.webp']);
    const gif = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#00f' } }).gif().toBuffer();
    const item = (await upload(editor, 'logo.gif', gif)).json();
    expect(item).toMatchObject({ mimeType: 'image/gif', width: 300, height: 200 });
    expect(item.variants.map((v: { width: number; format: string }) => `${v.width}.${v.format}`)).toEqual(['300.png', '300.webp']);
  });

  it('refuses a PNG named .jpg as MEDIA_TYPE_MISMATCH, naming both types, and stores nothing', async () => {
    const before = storedFiles(kexie).length;
    const response = await upload(editor, '伪装.jpg', await png(40, 40));
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toMatchObject({ code: 'MEDIA_TYPE_MISMATCH' });
    expect(response.json().error.message).toBe('文件“伪装.jpg”的扩展名表明它是JPEG 图片，但内容实际是PNG 图片，请检查文件后重新上传');
    expect(storedFiles(kexie)).toHaveLength(before);
  });

  it('refuses a text file named .png as MEDIA_CONTENT_UNRECOGNISED, in the reader’s language', async () => {
    const { payload, headers } = form([{ name: 'file', fileName: 'notes.png', bytes: Buffer.from('<script>alert(1)</script> just text') }]);
    const response = await editor.post('/api/v1/media', payload, { ...headers, 'accept-language': 'en-US' });
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toMatchObject({ code: 'MEDIA_CONTENT_UNRECOGNISED', message: 'The content of "notes.png" is not a valid PNG image; it may be damaged or renamed' });
  });

  it('refuses file types outside the accepted list by name, before reading them', async () => {
    for (const [name, bytes] of [
      ['setup.exe', Buffer.from('MZ\x90\x00')],
      ['drawing.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
      ['archive.zip', Buffer.from('PK\x03\x04')],
      ['README', Buffer.from('hello')],
    ] as const) {
      const response = await upload(editor, name, bytes);
      expect(response.statusCode, name).toBe(415);
      expect(response.json().error.code, name).toBe('MEDIA_TYPE_NOT_ALLOWED');
      expect(response.json().error.message, name).toContain('JPG、PNG、WebP 或 GIF');
    }
    expect((await upload(editor, 'setup.exe', Buffer.from('MZ'))).json().error.message).toContain('“.exe”');
  });

  it('refuses an image over the limit with MEDIA_TOO_LARGE, stating the limit, and stores nothing', async () => {
    const noise = await sharp(randomBytes(400 * 400 * 3), { raw: { width: 400, height: 400, channels: 3 } }).png().toBuffer();
    expect(noise.length).toBeGreaterThan(maxImageBytes);
    const before = storedFiles(kexie).length;
    const response = await upload(editor, '噪点.png', noise);
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'MEDIA_TOO_LARGE', message: '文件“噪点.png”超过了图片的大小上限 256 KB' });
    expect(storedFiles(kexie)).toHaveLength(before);
  });

  it('accepts PDF, Excel and old Word attachments and serves them as downloads under their Chinese names', async () => {
    const pdf = (await upload(editor, '2024年工作报告.pdf', minimalPdf)).json();
    expect(pdf).toMatchObject({ kind: 'attachment', mimeType: 'application/pdf', width: null, height: null, bytes: minimalPdf.length });
    expect(pdf.url).toBe(`/media/download/${pdf.id}/${encodeURIComponent('2024年工作报告.pdf')}`);
    const download = await kexie.client().get(pdf.url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="2024.pdf"; filename*=UTF-8''${encodeURIComponent('2024年工作报告.pdf')}`);
    expect(download.rawPayload.equals(minimalPdf)).toBe(true);

    const xlsx = await upload(editor, '活动统计.xlsx', await workbook());
    expect(xlsx.json()).toMatchObject({ kind: 'attachment', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const doc = await upload(editor, '通知.doc', compoundFile('WordDocument'));
    expect(doc.json()).toMatchObject({ kind: 'attachment', mimeType: 'application/msword' });
    const xls = await upload(editor, '名单.xls', compoundFile('Workbook'));
    expect(xls.json()).toMatchObject({ mimeType: 'application/vnd.ms-excel' });
  });

  it('accepts the compound-file signature only under a name that matches its contents', async () => {
    const wordAsExcel = await upload(editor, '名单.xls', compoundFile('WordDocument'));
    expect(wordAsExcel.statusCode).toBe(415);
    expect(wordAsExcel.json().error.message).toContain('实际是Word 97-2003 文档');
    const workbookAsPdf = await upload(editor, '表格.pdf', await workbook());
    expect(workbookAsPdf.json().error).toMatchObject({ code: 'MEDIA_TYPE_MISMATCH' });
  });

  it('never sends a header that a file name could break, and strips any path the name carried', async () => {
    // Browsers escape quotes and line breaks in the form; a script calling storeMedia might not.
    const ctx = systemContext(kexie.db, kexie.root.id, 'test');
    const item = await storeMedia(ctx, { fileName: 'C:\\fakepath\\evil"\r\nSet-Cookie: x=1;.pdf', bytes: minimalPdf });
    expect(item.originalName).toBe('evil_Set-Cookie_ x=1;.pdf');
    const download = await kexie.client().get(item.url);
    expect(download.headers['set-cookie']).toBeUndefined();
    expect(download.headers['content-disposition']).toBe(`attachment; filename="evil_Set-Cookie__x_1.pdf"; filename*=UTF-8''evil_Set-Cookie_%20x%3D1%3B.pdf`);
  });

  it('answers 404 to path traversal and to any path that is not a stored file, never sending a file from elsewhere', async () => {
    const item = (await upload(editor, 'ok.png', await png(20, 20))).json();
    const pdf = (await upload(editor, 'a.pdf', minimalPdf)).json();
    const sha = item.url.split('/')[4];
    const packageJson = fs.readFileSync('package.json');
    const attempts = [
      '/media/images/../../package.json',
      '/media/images/%2e%2e/%2e%2e/package.json',
      '/media/images/%2E%2E%2F%2E%2E%2Fpackage.json',
      `/media/images/${sha.slice(0, 2)}/${sha}/..%2F..%2F..%2F..%2Fpackage.json`,
      `/media/images/${sha.slice(0, 2)}/${sha}/original.png/../../../../../package.json`,
      '/media/images//etc/passwd',
      '/media/images/%2Fetc%2Fpasswd',
      '/media/images/C:%5CWindows%5Cwin.ini',
      '/media/images/..%5C..%5Cpackage.json',
      `/media/images/00/${'0'.repeat(64)}/original.png`,
      `/media/images/${sha.slice(0, 2)}/${sha}/original.png%00.txt`,
      `/media/attachments/${'0'.repeat(2)}/${'0'.repeat(64)}.pdf`,
      `/media/download/..%2F..%2Fpackage.json`,
      `/media/download/${pdf.id}%2F..%2F..%2Fpackage.json`,
      `/media/download/${item.id}/ok.png`,
      '/media/%2e%2e/package.json',
      '/media/..%2Fpackage.json',
      '/media/package.json',
    ];
    for (const url of attempts) {
      const response = await kexie.client().get(url);
      expect([400, 404], `${url} → ${response.statusCode}`).toContain(response.statusCode);
      expect(response.rawPayload.includes(packageJson.subarray(0, 40)), url).toBe(false);
      expect(response.body, url).not.toContain('root:');
    }
    expect((await kexie.client().get(item.url)).statusCode).toBe(200);
  });

  it('lists the library newest first, filtered by kind and by part of the name, title or alt text', async () => {
    const county = await kexie.org('411325');
    const countyEditor = await kexie.signIn(county.id, ['editor']);
    await upload(countyEditor, '内乡县科普日.png', await png(30, 30), { title: '科普日合影' });
    await upload(countyEditor, '内乡县通知.pdf', minimalPdf);
    const images = (await countyEditor.get('/api/v1/media?kind=image')).json();
    expect(images.items.map((i: { originalName: string }) => i.originalName)).toEqual(['内乡县科普日.png']);
    const byTitle = (await countyEditor.get(`/api/v1/media?q=${encodeURIComponent('合影')}`)).json();
    expect(byTitle).toMatchObject({ total: 1, items: [{ title: '科普日合影' }] });
    const all = (await countyEditor.get('/api/v1/media')).json();
    expect(all.items.map((i: { originalName: string }) => i.originalName)).toEqual(['内乡县通知.pdf', '内乡县科普日.png']);
    expect((await countyEditor.get('/api/v1/media?q=%25')).json().total).toBe(0);
  });

  it('hides an item from another county’s editor: not listed, and 404 to read, edit or delete', async () => {
    const [wancheng, wolong] = [await kexie.org('411302'), await kexie.org('411303')];
    const owner = await kexie.signIn(wancheng.id, ['editor']);
    const stranger = await kexie.signIn(wolong.id, ['editor']);
    const item = (await upload(owner, '宛城区.png', await png(20, 20))).json();
    expect(item.orgId).toBe(wancheng.id);
    expect((await stranger.get('/api/v1/media')).json().items.map((i: { id: string }) => i.id)).not.toContain(item.id);
    for (const response of [
      await stranger.get(`/api/v1/media/${item.id}`),
      await stranger.patch(`/api/v1/media/${item.id}`, { alt: '改' }),
      await stranger.request('DELETE', `/api/v1/media/${item.id}`),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('MEDIA_NOT_FOUND');
    }
    expect((await owner.get(`/api/v1/media/${item.id}`)).json().alt).toBe('');
    // The city association above both sees it.
    expect((await editor.get(`/api/v1/media/${item.id}`)).statusCode).toBe(200);
  });

  it('lets only admins and editors upload any file, edit and delete; the CSRF token is required', async () => {
    const before = storedFiles(kexie).length;
    for (const role of ['viewer', 'reviewer'] as const) {
      const client = await kexie.signIn(kexie.root.id, [role]);
      const response = await upload(client, 'x.png', await png(10, 10));
      expect(response.statusCode, role).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
      expect((await client.get('/api/v1/media')).statusCode, role).toBe(200);
    }
    const { payload, headers } = form([{ name: 'file', fileName: 'x.png', bytes: await png(10, 10) }]);
    const withoutToken = await editor.post('/api/v1/media', payload, { ...headers, 'x-csrf-token': '' });
    expect(withoutToken.json().error.code).toBe('CSRF_TOKEN_INVALID');
    expect(storedFiles(kexie)).toHaveLength(before);
    expect((await kexie.client().get('/api/v1/media')).statusCode).toBe(401);
  });

  it('lets a county reporter upload evidence photos into their own org’s library, but no attachment, and not edit or delete', async () => {
    const fangcheng = await kexie.org('411322');
    const reporter = await kexie.signIn(fangcheng.id, ['reporter']);
    const photo = await upload(reporter, '科普讲座现场.jpg', await phonePhoto(), { alt: '讲座现场' });
    expect(photo.statusCode).toBe(201);
    expect(photo.json()).toMatchObject({ kind: 'image', orgId: fangcheng.id, alt: '讲座现场' });
    expect(photo.json().variants.length).toBeGreaterThan(0);

    const before = storedFiles(kexie).length;
    const pdf = await upload(reporter, '活动方案.pdf', minimalPdf);
    expect(pdf.statusCode).toBe(403);
    expect(pdf.json().error).toMatchObject({ code: 'MEDIA_KIND_NOT_ALLOWED', message: '您只能上传图片，“活动方案.pdf”是附件；附件请交由编辑或管理员上传' });
    // A PDF renamed .jpg is still refused: the bytes must be what the name says.
    const disguised = await upload(reporter, '活动方案.jpg', minimalPdf);
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().error.code).toBe('MEDIA_TYPE_MISMATCH');
    expect(storedFiles(kexie)).toHaveLength(before);

    // Scoped as the library always is: the county and the city above see it, a neighbouring county does not.
    const tangheReporter = await kexie.signIn((await kexie.org('411328')).id, ['reporter']);
    expect((await tangheReporter.get(`/api/v1/media/${photo.json().id}`)).json().error.code).toBe('MEDIA_NOT_FOUND');
    expect((await tangheReporter.get('/api/v1/media?kind=image')).json().items.map((i: { id: string }) => i.id)).not.toContain(photo.json().id);
    expect((await reporter.get(`/api/v1/media/${photo.json().id}`)).statusCode).toBe(200);
    expect((await editor.get(`/api/v1/media/${photo.json().id}`)).statusCode).toBe(200);
    // Editing and deleting stay with editors and admins.
    expect((await reporter.patch(`/api/v1/media/${photo.json().id}`, { alt: '改' })).statusCode).toBe(403);
    expect((await reporter.request('DELETE', `/api/v1/media/${photo.json().id}`)).statusCode).toBe(403);
  });

  it('edits alt text and title, refusing overlong text by field', async () => {
    const item = (await upload(editor, 'edit.png', await png(20, 20))).json();
    const edited = await editor.patch(`/api/v1/media/${item.id}`, { alt: '  获奖者合影  ', title: '表彰大会' });
    expect(edited.json()).toMatchObject({ alt: '获奖者合影', title: '表彰大会' });
    const tooLong = await editor.patch(`/api/v1/media/${item.id}`, { alt: '长'.repeat(501) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.details.map((d: { path: string }) => d.path)).toEqual(['body.alt']);
    const longField = await upload(editor, 'edit.png', await png(20, 20), { title: '题'.repeat(201) });
    expect(longField.json().error.details).toEqual([expect.objectContaining({ path: 'body.title', message: '不能超过 200 个字符' })]);
  });

  it('audits create, update and delete with the uploader’s org', async () => {
    const item = (await upload(editor, 'audit.png', await png(20, 20))).json();
    await editor.patch(`/api/v1/media/${item.id}`, { alt: '新说明' });
    expect((await editor.request('DELETE', `/api/v1/media/${item.id}`)).statusCode).toBe(204);
    const rows = await kexie.db.selectFrom('audit_log').selectAll().where('entity', '=', 'media').where('entity_id', '=', item.id).orderBy('at').orderBy('id').execute();
    expect(rows.map((row) => row.action)).toEqual(['create', 'update', 'delete']);
    expect(rows.every((row) => row.org_id === kexie.root.id)).toBe(true);
    expect(JSON.parse(rows[1]!.after_json!)).toEqual({ alt: '新说明', title: '' });
    expect(JSON.parse(rows[2]!.before_json!)).toMatchObject({ id: item.id, originalName: 'audit.png' });
  });

  it('shares the files of identical uploads and removes them only with the last item using them', async () => {
    const bytes = await png(64, 48);
    const first = (await upload(editor, 'same-1.png', bytes)).json();
    const second = (await upload(editor, 'same-2.png', bytes)).json();
    expect(second.url).toBe(first.url);
    expect(second.id).not.toBe(first.id);
    await editor.request('DELETE', `/api/v1/media/${first.id}`);
    expect((await kexie.client().get(second.url)).statusCode).toBe(200);
    await editor.request('DELETE', `/api/v1/media/${second.id}`);
    expect((await kexie.client().get(second.url)).statusCode).toBe(404);
    const directory = path.join(kexie.config.mediaDir, ...second.url.replace('/media/', '').split('/').slice(0, -1));
    expect(fs.existsSync(directory)).toBe(false);
  });

  it('refuses with MEDIA_IN_USE to delete an item a registered module still uses', async () => {
    const item = (await upload(editor, 'cover.png', await png(20, 20))).json();
    const unregister = registerMediaUsageSource(async (_db, mediaId) => (mediaId === item.id ? ['《科技周活动回顾》'] : []));
    try {
      const refused = await editor.request('DELETE', `/api/v1/media/${item.id}`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.message).toBe('该文件正被 1 处使用（《科技周活动回顾》），请先移除这些引用再删除');
      expect((await kexie.client().get(item.url)).statusCode).toBe(200);
    } finally {
      unregister();
    }
    expect((await editor.request('DELETE', `/api/v1/media/${item.id}`)).statusCode).toBe(204);
  });

  it('refuses uploads that are not one file in a multipart form', async () => {
    const json = await editor.post('/api/v1/media', {});
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('MEDIA_MULTIPART_REQUIRED');
    const noFile = form([{ name: 'alt', value: '说明' }]);
    const missing = await editor.post('/api/v1/media', noFile.payload, noFile.headers);
    expect(missing.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.file', message: '请选择要上传的文件' }] });
    const pngBytes = await png(10, 10);
    const two = form([
      { name: 'file', fileName: 'a.png', bytes: pngBytes },
      { name: 'file', fileName: 'b.png', bytes: pngBytes },
    ]);
    const twoFiles = await editor.post('/api/v1/media', two.payload, two.headers);
    expect(twoFiles.statusCode).toBe(400);
    expect(twoFiles.json().error.code).toBe('MEDIA_ONE_FILE_AT_A_TIME');
    const empty = await upload(editor, 'empty.pdf', Buffer.alloc(0));
    expect(empty.json().error.code).toBe('MEDIA_EMPTY_FILE');
    const broken = form([{ name: 'file', fileName: 'a.png', bytes: pngBytes }]);
    const cut = await editor.post('/api/v1/media', broken.payload.subarray(0, 100), broken.headers);
    expect(cut.statusCode).toBe(400);
  });

  it('refuses an image that has the right signature but does not decode', async () => {
    const truncated = (await png(200, 200)).subarray(0, 60);
    const response = await upload(editor, 'broken.png', truncated);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'MEDIA_IMAGE_UNREADABLE', message: '图片“broken.png”已损坏或无法读取' });
  });

  it('stores bytes for the command line and demo data with the same checks, variants and audit', async () => {
    const ctx = systemContext(kexie.db, kexie.root.id, 'demo');
    const item = await storeMedia(ctx, { fileName: '南阳科技馆.jpg', bytes: await phonePhoto(), alt: '南阳科技馆外景' });
    expect(item).toMatchObject({ kind: 'image', width: 800, alt: '南阳科技馆外景' });
    expect((await kexie.client().get(item.url)).statusCode).toBe(200);
    await expect(storeMedia(ctx, { fileName: 'x.jpg', bytes: await png(5, 5) })).rejects.toMatchObject({ code: 'MEDIA_TYPE_MISMATCH' });
    const audit = await kexie.db.selectFrom('audit_log').select('actor_username').where('entity_id', '=', item.id).executeTakeFirst();
    expect(audit?.actor_username).toBe('cli:demo');
  });
});
