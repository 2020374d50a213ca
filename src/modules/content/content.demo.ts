import fs from 'node:fs';
import sharp from 'sharp';
import type { Db } from '../../database.ts';
import type { Actor } from '../../platform/auth-core.ts';
import { systemContext, type ServiceContext } from '../../platform/context.ts';
import { findUserForCli } from '../auth/index.ts';
import { storeMedia } from '../media/index.ts';
import { findRootOrg } from '../orgs/index.ts';
import { approveArticle, submitArticle } from './article-workflow.service.ts';
import { createArticle } from './article.service.ts';
import * as columns from './column.repository.ts';
import { createColumn } from './column.service.ts';
import type { ListStyle } from './content.table.ts';

/**
 * The demo site: the reference portal's columns, its 2024 work review with
 * its section headings and pictures, the five focus-news items, and at least
 * one page in every column. Every article goes through the real review chain,
 * signed off by the demo reviewers, so the portal prints their names.
 */

interface DemoColumn {
  slug: string;
  name: string;
  listStyle: ListStyle;
  inNav: boolean;
  onHome: boolean;
  description: string;
}

/** In menu order: the reference site's eight menu columns, then 焦点新闻 and 通知公告. */
const demoColumns: DemoColumn[] = [
  { slug: 'about', name: '关于科协', listStyle: 'page', inNav: true, onHome: false, description: '南阳市科学技术协会简介' },
  { slug: 'kepu', name: '科普之家', listStyle: 'list', inNav: true, onHome: true, description: '科普活动、科普阵地与科学素质建设' },
  { slug: 'societies', name: '学会之家', listStyle: 'list', inNav: true, onHome: true, description: '市级学会、企业科协与学会服务站' },
  { slug: 'party', name: '党务党建', listStyle: 'list', inNav: true, onHome: false, description: '机关党建与科技界思想引领' },
  { slug: 'anti-cult', name: '反邪教工作', listStyle: 'list', inNav: true, onHome: false, description: '崇尚科学、反对邪教宣传' },
  { slug: 'talent', name: '人才之家', listStyle: 'list', inNav: true, onHome: true, description: '科技人才举荐与服务' },
  { slug: 'youth', name: '青少年科技教育', listStyle: 'pictures', inNav: true, onHome: true, description: '青少年科技创新大赛、科技运动会与校园科普' },
  { slug: 'contact', name: '联系我们', listStyle: 'page', inNav: true, onHome: false, description: '地址与联系电话' },
  { slug: 'focus', name: '焦点新闻', listStyle: 'pictures', inNav: false, onHome: false, description: '市科协要闻' },
  { slug: 'notices', name: '通知公告', listStyle: 'list', inNav: false, onHome: true, description: '通知、公告与公示' },
];

interface DemoArticle {
  column: string;
  title: string;
  /** Back-dated 发布时间 (Beijing time). */
  date: string;
  source?: string;
  focus?: boolean;
  pinned?: boolean;
  /** A picture made for the demo: its hue, so the covers differ. */
  coverHue?: number;
  body: string;
  tags?: string[];
  /** A small spreadsheet attached to the notice. */
  attachment?: 'registration-form';
}

const p = (...paragraphs: string[]) => paragraphs.map((text) => `<p>${text}</p>`).join('');

const demoArticles: DemoArticle[] = [
  {
    column: 'about',
    title: '南阳市科学技术协会简介',
    date: '2024-01-02T09:00:00+08:00',
    body:
      p('南阳市科学技术协会（简称市科协）是中国共产党领导下的南阳市科学技术工作者的群众组织，是党和政府联系科学技术工作者的桥梁和纽带，是推动全市科学技术事业发展的重要力量。') +
      '<h2>主要职责</h2><ul><li>团结引领全市科技工作者，弘扬科学家精神，促进科学技术繁荣发展；</li><li>组织开展群众性科普活动，提高全民科学素质；</li><li>建设和管理科技馆等科普阵地；</li><li>举荐科技人才，维护科技工作者合法权益；</li><li>组织学会、企业科协开展科技服务，服务创新驱动发展。</li></ul>' +
      '<h2>组织机构</h2>' +
      p('市科协机关设办公室、科普部、学会部、组织人事部，下辖市科技馆、科协信息中心；全市13个县（市、区）设有县级科协。'),
  },
  {
    column: 'contact',
    title: '联系我们',
    date: '2024-01-02T09:10:00+08:00',
    body:
      '<table><tbody><tr><th>地址</th><td>河南省南阳市范蠡东路1666号5号楼</td></tr><tr><th>办公室电话</th><td>0377-63132535</td></tr><tr><th>办公时间</th><td>周一至周五 8:30—12:00，14:30—17:30（法定节假日除外）</td></tr></tbody></table>' +
      p('市科技馆团体参观预约请在“科普之家”栏目查看开放时间和预约方式。'),
  },
  {
    column: 'focus',
    title: '2024年南阳市“全国科技工作者日”座谈会成功召开',
    date: '2024-05-30T10:00:00+08:00',
    focus: true,
    coverHue: 210,
    tags: ['科技工作者日'],
    body: p(
      '5月30日，2024年南阳市“全国科技工作者日”座谈会召开。会议通报了全市科协工作情况，优秀科技工作者代表作交流发言，大家表示将继承和发扬科学家精神，为南阳高质量发展贡献科技力量。',
      '会议号召全市广大科技工作者坚定创新自信、勇攀科技高峰，在服务产业发展、普及科学知识中建功立业。',
    ),
  },
  {
    column: 'focus',
    title: '市领导慰问科技工作者代表',
    date: '2024-05-29T16:00:00+08:00',
    focus: true,
    coverHue: 20,
    body: p('在第八个“全国科技工作者日”来临之际，市领导带队走访慰问优秀科技工作者代表，向全市广大科技工作者致以节日问候，勉励大家立足岗位、潜心研究、服务发展。'),
  },
  {
    column: 'focus',
    title: '南阳市科协五届四次全委会议召开',
    date: '2024-02-28T09:30:00+08:00',
    focus: true,
    coverHue: 0,
    body: p('南阳市科协五届四次全委会议召开。会议审议通过了市科协2023年工作报告，部署2024年重点工作：聚焦“四服务”主责主业，强化思想引领，服务科技赋能产业，提升全民科学素质，建强科普阵地。'),
  },
  {
    column: 'focus',
    title: '市科协领导到方城县调研科普工作',
    date: '2024-04-18T15:00:00+08:00',
    focus: true,
    coverHue: 140,
    tags: ['科普', '方城县'],
    body: p('市科协领导一行到方城县调研科普工作，实地察看了农村中学科技馆和科普阵地建设情况，听取了方城县科协关于科普活动开展、科普中国信息员发展的汇报，要求进一步扩大科普活动覆盖面，让科普惠及更多基层群众。'),
  },
  {
    column: 'focus',
    title: '市科协积极开展三月份“企业服务日”活动',
    date: '2024-03-26T11:00:00+08:00',
    focus: true,
    coverHue: 280,
    tags: ['企业服务'],
    body: p('市科协组织学会专家深入企业开展三月份“企业服务日”活动，围绕企业技术需求开展问诊服务，现场解答生产工艺、质量检测等方面的问题，推动科技资源与企业需求精准对接。'),
  },
  {
    column: 'kepu',
    title: '全国科普日南阳主场活动举行',
    date: '2024-09-20T10:00:00+08:00',
    coverHue: 190,
    tags: ['全国科普日', '科普'],
    body: p(
      '2024年全国科普日南阳主场活动在市科技馆举行。活动由市科协联合多家单位共同举办，设置科技展品互动、科普讲座、应急科普体验等环节，吸引众多市民和学生参与。',
      '科技馆志愿者为观众讲解展品背后的科学原理，让科普真正走进群众身边。',
    ),
  },
  {
    column: 'kepu',
    title: '市科技馆暑期科普研学活动火热开展',
    date: '2024-07-15T09:00:00+08:00',
    tags: ['科技馆', '科普'],
    body: p('暑假期间，市科技馆推出科普研学课程，涵盖航天模型、机器人编程、无人机飞行等主题。科技馆延长开放时间，接待研学团队，让青少年在动手实践中感受科学魅力。'),
  },
  {
    column: 'societies',
    title: '市药学会等四个学会成立',
    date: '2024-11-12T10:00:00+08:00',
    tags: ['学会'],
    body: p('生物工程、航空、药学、茶叶四个市级学会相继召开成立大会，选举产生了第一届理事会。新成立的学会将发挥人才荟萃、智力密集的优势，服务相关产业发展。'),
  },
  {
    column: 'party',
    title: '市科协开展党纪学习教育专题读书班',
    date: '2024-05-10T15:00:00+08:00',
    body: p('市科协机关党支部举办党纪学习教育专题读书班，集中学习《中国共产党纪律处分条例》，结合科协工作实际开展研讨，引导党员干部学纪、知纪、明纪、守纪。'),
  },
  {
    column: 'anti-cult',
    title: '崇尚科学 反对邪教——反邪教科普宣传进社区',
    date: '2024-06-20T09:30:00+08:00',
    tags: ['反邪教', '科普'],
    body: p('市科协联合社区开展反邪教科普宣传活动，通过展板展示、发放宣传资料、现场讲解等形式，普及科学知识，揭露邪教危害，引导群众崇尚科学、抵制邪教。'),
  },
  {
    column: 'talent',
    title: '我市推荐科技工作者入选第十八届中国青年科技奖河南候选人',
    date: '2024-08-08T10:00:00+08:00',
    tags: ['人才'],
    body: p('经市科协推荐，我市两名青年科技工作者入选第十八届中国青年科技奖河南候选人。市科协将持续做好科技人才举荐工作，为优秀青年科技人才成长搭建平台。'),
  },
  {
    column: 'youth',
    title: '南阳选手在第37届河南省青少年科技创新大赛中斩获佳绩',
    date: '2024-04-25T16:00:00+08:00',
    coverHue: 50,
    tags: ['青少年', '科技创新大赛'],
    body: p('在第37届河南省青少年科技创新大赛中，南阳市代表队获得一等奖14个。参赛作品涵盖工程技术、生命科学、环境科学等领域，展示了我市青少年的创新能力。'),
  },
  {
    column: 'notices',
    title: '关于组织参加2024年全国科普日活动的通知',
    date: '2024-08-26T09:00:00+08:00',
    pinned: true,
    tags: ['全国科普日'],
    attachment: 'registration-form',
    body:
      p('各县（市、区）科协，各市级学会：') +
      p('根据中国科协和省科协部署，2024年全国科普日活动于9月中下旬集中开展。现将有关事项通知如下：') +
      '<ol><li>各单位结合实际策划科普活动，突出科技馆、科普阵地的作用；</li><li>请于9月10日前报送活动安排（见附件报名表）；</li><li>活动结束后及时在系统中填报活动记录。</li></ol>' +
      p('南阳市科学技术协会　2024年8月26日'),
  },
  {
    column: 'notices',
    title: '市科技馆国庆假期开放时间公告',
    date: '2024-09-27T10:00:00+08:00',
    tags: ['科技馆'],
    body: p('国庆假期期间（10月1日至7日），市科技馆正常开放，开放时间为9:00—17:00（16:30停止入馆）。10月8日闭馆维护一天。欢迎广大市民走进科技馆。'),
  },
];

/** The demo editors and reviewers, created by the auth module's demo part. */
const demoEditor = 'editor';
const demoReviewers = ['reviewer1', 'reviewer2', 'reviewer3'];

async function actorFor(db: Db, username: string): Promise<ServiceContext> {
  const user = await findUserForCli(db, username);
  if (!user) throw new Error(`demo user ${username} is missing: load the demo users first`);
  const actor: Actor = { kind: 'user', userId: user.id, username: user.username, orgId: user.org_id, roles: user.roles };
  return { db, actor, locale: 'zh-CN' };
}

/** A demo picture: soft bands of colour, no text (so it looks right without CJK fonts). */
async function demoPicture(hue: number, width = 960, height = 540): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue},60%,42%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},70%,65%)"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${width * 0.78}" cy="${height * 0.3}" r="${height * 0.22}" fill="hsl(${(hue + 180) % 360},70%,85%)" fill-opacity="0.35"/>
    <circle cx="${width * 0.2}" cy="${height * 0.85}" r="${height * 0.35}" fill="#fff" fill-opacity="0.15"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}

async function registrationForm(): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('报名表');
  sheet.addRow(['单位', '活动名称', '活动日期', '活动地点', '预计受益人次', '联系人', '联系电话']);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => (column.width = 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function publishThroughReview(db: Db, editor: ServiceContext, articleId: string) {
  await submitArticle(editor, articleId);
  for (const username of demoReviewers) await approveArticle(await actorFor(db, username), articleId);
}

/** Loads the demo site once: skipped when any column exists already. Returns how many articles it published. */
export async function loadDemoContent(db: Db): Promise<number> {
  if ((await columns.findAllColumns(db)).length > 0) return 0;
  const root = await findRootOrg(db);
  if (!root) throw new Error('the organisation tree is empty: run migrations and seeding first');
  const admin = systemContext(db, root.id, 'demo');
  const editor = await actorFor(db, demoEditor);

  const columnIds = new Map<string, string>();
  for (const [position, column] of demoColumns.entries()) {
    columnIds.set(column.slug, (await createColumn(admin, { ...column, position: position + 1 })).id);
  }

  let published = 0;
  for (const article of demoArticles) {
    const cover = article.coverHue === undefined ? null : await storeMedia(editor, { fileName: `${article.title.slice(0, 20)}.jpg`, bytes: await demoPicture(article.coverHue), alt: article.title });
    const attachment = article.attachment ? await storeMedia(editor, { fileName: '2024年全国科普日活动报名表.xlsx', bytes: await registrationForm() }) : null;
    const created = await createArticle(editor, {
      title: article.title,
      columnIds: [columnIds.get(article.column)!],
      bodyHtml: article.body,
      source: article.source ?? '南阳市科协',
      coverMediaId: cover?.id ?? null,
      attachmentIds: attachment ? [attachment.id] : [],
      tags: article.tags ?? [],
      isFocus: article.focus ?? false,
      isPinned: article.pinned ?? false,
      publishAt: new Date(article.date).toISOString(),
    });
    await publishThroughReview(db, editor, created.id);
    published += 1;
  }

  // The year's work review, as the reference site published it: section headings and two pictures.
  const review = fs.readFileSync(new URL('./demo/review-2024.html', import.meta.url), 'utf8');
  const title = /<!-- (.*?) -->/.exec(review)![1]!;
  const pictures: { id: string }[] = [];
  for (const [index, hue] of [200, 12].entries()) {
    pictures.push(await storeMedia(editor, { fileName: `2024年工作回顾配图${index + 1}.jpg`, bytes: await demoPicture(hue), alt: `2024年工作回顾配图${index + 1}` }));
  }
  const body = review.replace(/<!--.*?-->\n/, '').replace(/\{\{image:(\d+)\}\}/g, (_slot, n: string) => pictures[Number(n) - 1]!.id);
  const created = await createArticle(editor, {
    title,
    columnIds: [columnIds.get('focus')!],
    bodyHtml: body,
    source: '南阳市科协',
    coverMediaId: (await storeMedia(editor, { fileName: '2024年工作回顾封面.jpg', bytes: await demoPicture(230), alt: title })).id,
    tags: ['工作回顾', '科普', '科技馆'],
    isFocus: true,
    isPinned: true,
    publishAt: new Date('2025-01-06T09:00:00+08:00').toISOString(),
  });
  await publishThroughReview(db, editor, created.id);
  return published + 1;
}
