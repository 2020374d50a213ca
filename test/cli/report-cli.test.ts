import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteActivity } from '../../src/modules/activities/index.ts';
import { findRootOrg } from '../../src/modules/orgs/index.ts';
import { systemContext } from '../../src/platform/context.ts';
import { createTestDb, testDialect, type TestDatabase } from '../helpers/test-db.ts';
import { missingOfficeRequirements } from '../helpers/requirements.ts';
import { cliHookTimeoutMs, runKexie, runKexieInHost } from './kexie-process.ts';

/** The figures the seed review reports for 2024 (issue 7), as `report annual --format json` must compute them from the demo records. */
const seedFigures: Record<string, number> = {
  'activities.count': 2758,
  'orgs.new.society': 4,
  'orgs.new.enterprise_association': 39,
  'orgs.new.service_station': 7,
  'venues.museums.open': 7,
  'caravans.vehicles': 6,
  'caravans.trips': 270,
  'caravans.people': 208000,
  'touring.visits': 246000,
};

/** The seed's own sentences, with their figures, as the generated Markdown must carry them. */
const seedSentences = [
  '开展2758项形式多样、成效明显的科普活动，受益人次超过200万',
  '联合20家单位',
  '召开科学家精神报告会6场，设置科学家精神展板48个，放映科学家电影纪录片85场',
  '新建4个学会，新成立企业科协39家，新建学会服务站7家',
  '全市7个科技馆2024年接待参观人数近100万人次，流动科技馆区域常态化巡展年度参观人数24.6万人次',
  '等科普活动200余场次',
  '培训活动10余次',
  '科技馆全年接待观众33.56万人次，团体75个，青少年课外活动中心接待体验观众18万余人次。策划开展科教活动3000场次，举办“光影科学梦”电影巡映60余场',
  '到校开展70场次活动，覆盖35所学校，服务师生3万余人',
  '全市6辆科普大篷车行驶总里程超2万公里，进校园200余所，开展科普活动270次，服务公众20.8万人次',
  '800余名学生从中受益',
];

const officeMissing = missingOfficeRequirements();
if (officeMissing.length > 0 && !process.env.CI) console.warn(`report-cli: skipping the Word and PDF checks; install ${officeMissing.join(', ')}`);
const officeRuns = officeMissing.length === 0 || Boolean(process.env.CI);

/** Text of a PDF as pdftotext reads it, with line breaks and the spaces it puts between CJK and digits taken out. */
const pdfText = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

interface AnnualJson {
  year: number;
  org: { id: string; code: string | null; name: string };
  period: { from: string; to: string };
  indicators: { code: string; label: string; value: number; unit: string; previous: number; where?: Record<string, string[]> }[];
}

describe(`kexie report annual (${testDialect})`, { timeout: 120_000 }, () => {
  let database: TestDatabase;
  let dir: string;
  const kexie = (...args: string[]) => runKexieInHost(database.target, args);
  /** The `kexie` binary in a process of its own, once for each family of commands. */
  const kexieProcess = (...args: string[]) => runKexie(database.target, args);

  async function annualJson(...extra: string[]): Promise<AnnualJson> {
    const result = await kexie('report', 'annual', '--year', '2024', '--format', 'json', ...extra);
    expect(result.exitCode, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as AnnualJson;
  }
  const figure = (json: AnnualJson, code: string) => json.indicators.find((indicator) => indicator.code === code && !indicator.where)?.value;

  beforeAll(async () => {
    database = await createTestDb();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kexie-report-cli-'));
    const demo = await kexie('demo');
    expect(demo.exitCode, demo.stderr).toBe(0);
  }, cliHookTimeoutMs * 3);
  afterAll(async () => {
    await database?.dispose();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists every indicator of the demo year computed from records, with the seed’s figures; one activity deleted is one fewer', async () => {
    const json = await annualJson();
    expect(json).toMatchObject({ year: 2024, org: { code: '411300', name: '南阳市科协' }, period: { from: '2024-01-01', to: '2024-12-31' } });
    for (const [code, value] of Object.entries(seedFigures)) expect({ code, value: figure(json, code) }).toEqual({ code, value });
    expect(figure(json, 'activities.participants')).toBeGreaterThan(2_000_000);
    expect(json.indicators.find((indicator) => indicator.code === 'activities.count')).toMatchObject({ label: '科普活动', unit: '项', previous: expect.any(Number) });
    // The template's narrowed figures follow the registered ones.
    expect(json.indicators).toContainEqual(expect.objectContaining({ code: 'activities.count', where: { series: ['科学家精神'], type: ['讲座/报告会'] }, value: 6 }));

    const root = (await findRootOrg(database.db))!;
    // An ordinary county activity (no campaign, series or partner units), the same one on
    // every database, so that only the count moves: without an order PostgreSQL may hand
    // back the 全国科普日 flagship, and its 20 partner units would go with it.
    const one = await database.db
      .selectFrom('activities')
      .select('id')
      .where('start_date', '>=', '2024-01-01')
      .where('start_date', '<=', '2024-12-31')
      .where('org_id', '!=', root.id)
      .where('campaign_id', 'is', null)
      .where('series', '=', '')
      .where('partners', '=', '[]')
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    await deleteActivity(systemContext(database.db, root.id, 'report-cli-test'), one.id);
    expect(figure(await annualJson(), 'activities.count')).toBe(2757);
  });

  it('writes the review in Markdown with the seed’s sentences and figures, and for a county only its own records', async () => {
    const result = await kexieProcess('report', 'annual', '--year', '2024', '--format', 'md');
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('# 南阳市科协2024年工作回顾：汇聚科技资源 赋能创新发展');
    // One activity was deleted above, which leaves the 超过200万 and the other figures as they were.
    for (const sentence of seedSentences.map((s) => s.replace('2758', '2757'))) expect(result.stdout).toContain(sentence);
    for (const heading of ['## 思想引领', '## 服务大局', '## 开拓创新', '## 建强阵地']) expect(result.stdout).toContain(heading);

    const county = await kexie('report', 'annual', '--year', '2024', '--org', '411322', '--format', 'md', '--out', path.join(dir, 'fangcheng.md'));
    expect(county.exitCode, county.stderr).toBe(0);
    expect(county.stdout.trim()).toBe(`已写入 ${path.join(dir, 'fangcheng.md')}`);
    const fangcheng = fs.readFileSync(path.join(dir, 'fangcheng.md'), 'utf8');
    expect(fangcheng).toMatch(/^# 方城县科协2024年工作回顾/);
    const count = Number(/开展(\d+)项形式多样/.exec(fangcheng)?.[1]);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(2757);
  });

  it('refuses an unknown org, a bad year, an unknown format, Word without --out and a broken template, naming what is wrong', async () => {
    const org = await kexie('report', 'annual', '--year', '2024', '--org', '999999');
    expect(org.exitCode).toBe(1);
    expect(org.stderr).toContain('没有行政区划代码或 id 为“999999”的组织');
    const year = await kexie('report', 'annual', '--year', '24');
    expect(year.exitCode).toBe(1);
    expect(year.stderr).toContain("option '--year <year>' argument '24' is invalid. a year between 1990 and 2100");
    const format = await kexie('report', 'annual', '--year', '2024', '--format', 'pptx');
    expect(format.stderr).toContain('Allowed choices are json, md, docx, pdf');
    const word = await kexie('report', 'annual', '--year', '2024', '--format', 'docx');
    expect(word.stderr).toContain('docx 格式须用 --out 指定要写入的文件 [REPORT_OUT_REQUIRED]');
    const templateFile = path.join(dir, 'broken.md');
    fs.writeFileSync(templateFile, '# {{year}}年回顾\n开展{{activities.cout}}项活动');
    const broken = await kexie('report', 'annual', '--year', '2024', '--format', 'md', '--template', templateFile);
    expect(broken.exitCode).toBe(1);
    expect(broken.stderr).toContain('模板有 1 处错误，未生成任何内容 [REPORT_TEMPLATE_INVALID]');
    expect(broken.stderr).toContain('第 2 行 {{activities.cout}}：没有代码为“activities.cout”的指标');
  });

  it.runIf(officeRuns)('writes a Word file LibreOffice opens and converts, and a PDF with the headings, figures and an embedded Chinese font', async () => {
    if (officeMissing.length > 0) throw new Error(`the Word and PDF checks need ${officeMissing.join(', ')} under CI`);
    const docx = path.join(dir, 'review.docx');
    const word = await kexie('report', 'annual', '--year', '2024', '--format', 'docx', '--out', docx);
    expect(word.exitCode, word.stderr).toBe(0);
    execFileSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'pipe', timeout: 120_000 });
    const fromWord = pdfText(path.join(dir, 'review.pdf'));

    const pdf = path.join(dir, 'direct.pdf');
    const direct = await kexie('report', 'annual', '--year', '2024', '--format', 'pdf', '--out', pdf);
    expect(direct.exitCode, direct.stderr).toBe(0);
    for (const text of [fromWord, pdfText(pdf)]) {
      for (const heading of ['思想引领', '服务大局', '开拓创新', '建强阵地']) expect(text).toContain(heading);
      expect(text).toContain('开展2757项形式多样');
      expect(text).toContain('科技馆全年接待观众33.56万人次');
      expect(text).toContain('6辆科普大篷车行驶总里程超2万公里');
    }
    // A4, numbered pages (the footer reads — 1 —).
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+595(\.\d+)? x 841(\.\d+)? pts \(A4\)/);
    expect(pdfText(pdf)).toContain('—1—');
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    const cjk = fonts.filter((line) => /CJK/i.test(line));
    expect(cjk.length, fonts.join('\n')).toBeGreaterThan(0);
    // Columns: name, type, encoding, emb, sub, uni: every CJK font is embedded.
    for (const line of cjk) expect(line).toMatch(/\syes\s+yes\s+yes\s/);
  });
});
