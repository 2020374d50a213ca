import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import type { IndicatorInfo } from '../stats/indicator.types.ts';
import { sampleIndicators, sampleOrg, sampleReview } from './template.fixture.ts';
import { parseTemplate, requestKey, templateFigures } from './template.ts';

const indicator = (code: string, dimensions: IndicatorInfo['dimensions'] = []): IndicatorInfo => ({
  code,
  module: code.split('.')[0]!,
  label: code,
  unit: '项',
  aggregation: 'count',
  dimensions,
  verifiedOnly: false,
  definition: '',
});

const indicators = [indicator('activities.count', ['type', 'series', 'campaign', 'county']), indicator('activities.participants', ['type', 'series']), indicator('venues.visits', ['venue', 'kind'])];

const parse = (source: string) => parseTemplate(source, indicators, 'zh-CN');

/** The messages of the REPORT_TEMPLATE_INVALID the source is refused with. */
function problemsOf(source: string): string[] {
  try {
    parse(source);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('REPORT_TEMPLATE_INVALID');
    return (err as AppError).options.details!.map((detail) => detail.message);
  }
  throw new Error('the template was accepted');
}

describe('review template', () => {
  it('reads the title, headings and paragraphs, joining a paragraph’s lines without a space', () => {
    const parsed = parse(['# {{org.name}}{{year}}年工作回顾', '', '## 开拓创新', '### 全民科学素养水平不断提高', '开展{{activities.count}}项', '科普活动。', '', '新的一段。'].join('\n'));
    expect(parsed.title).toEqual([{ kind: 'variable', name: 'org.name' }, { kind: 'variable', name: 'year' }, { kind: 'text', text: '年工作回顾' }]);
    expect(parsed.blocks).toEqual([
      { kind: 'heading', level: 2, pieces: [{ kind: 'text', text: '开拓创新' }] },
      { kind: 'heading', level: 3, pieces: [{ kind: 'text', text: '全民科学素养水平不断提高' }] },
      {
        kind: 'paragraph',
        pieces: [
          { kind: 'text', text: '开展' },
          { kind: 'figure', request: { code: 'activities.count' }, format: 'plain', source: '{{activities.count}}' },
          { kind: 'text', text: '项科普活动。' },
        ],
      },
      { kind: 'paragraph', pieces: [{ kind: 'text', text: '新的一段。' }] },
    ]);
  });

  it('reads narrowings by code or Chinese name, several values, quoted values and full-width punctuation', () => {
    const parsed = parse(
      [
        '# 回顾',
        '{{activities.count series=科学家精神 type=讲座/报告会 | 余}}',
        '{{activities.count 系列＝科普面对面，科普讲堂、i科普志愿服务 ｜ 超过}}',
        '{{venues.visits venue="南阳市 科技馆" | 万2}}',
        '{{activities.count series="大练兵、大比武" | 余}}',
      ].join('\n'),
    );
    expect(templateFigures(parsed).map(({ request, format }) => ({ request, format }))).toEqual([
      { request: { code: 'activities.count', where: { series: ['科学家精神'], type: ['讲座/报告会'] } }, format: 'more' },
      { request: { code: 'activities.count', where: { series: ['科普面对面', '科普讲堂', 'i科普志愿服务'] } }, format: 'over' },
      { request: { code: 'venues.visits', where: { venue: ['南阳市 科技馆'] } }, format: 'wan2' },
      { request: { code: 'activities.count', where: { series: ['大练兵、大比武'] } }, format: 'more' },
    ]);
  });

  it('keeps notes for the template’s authors out of the review', () => {
    const parsed = parse(['# 回顾', '<!-- 人才举荐一段等人才模块上线后再加 -->', '正文。'].join('\n'));
    expect(parsed.blocks).toEqual([{ kind: 'paragraph', pieces: [{ kind: 'text', text: '正文。' }] }]);
  });

  it('refuses a template with every problem named by line and placeholder, in one pass', () => {
    expect(
      problemsOf(
        [
          '# 回顾',
          '开展{{activities.cout}}项，受益{{activities.participants | 大约}}人次',
          '{{venues.visits type=报告会}}{{activities.count 颜色=红}}{{activities.count 报告会}}',
          '{{activities.count type=}}{{activities.count type=a type=b}}{{year | 万}}{{ }}',
          '#### 太深',
          '结尾{{activities.count',
        ].join('\n'),
      ),
    ).toEqual([
      '第 2 行 {{activities.cout}}：没有代码为“activities.cout”的指标',
      '第 2 行 {{activities.participants | 大约}}：没有名为“大约”的数字格式，可用：精确、原数、plain、千分位、thousands、万、万0、wan0、万1、wan1、万2、wan2、万3、wan3、万4、wan4、超过、over、超、over_short、近、nearly、余、more、万余、wan_more',
      '第 3 行 {{venues.visits type=报告会}}：指标 venues.visits 不能按“type”限定，它可按：venue(场馆)、kind(类别)',
      '第 3 行 {{activities.count 颜色=红}}：没有名为“颜色”的限定条件，可用：county(县区)、month(月份)、org(组织)、type(类型)、campaign(主题)、series(系列)、venue(场馆)、kind(类别)',
      '第 3 行 {{activities.count 报告会}}：“报告会”不是限定条件，限定条件写成 名称=取值，如 type=报告会',
      '第 4 行 {{activities.count type=}}：“type=”后缺少取值',
      '第 4 行 {{activities.count type=a type=b}}：“type”限定了两次，多个取值请用逗号分开写在一处',
      '第 4 行 {{year | 万}}：“year”不能加限定条件或格式',
      '第 4 行 {{ }}：占位符是空的，应写指标代码，如 {{activities.count}}',
      '第 5 行：标题最多三级（###），这一行用了 4 个 #',
      '第 6 行 {{activities.count：“{{”没有配对的“}}”',
    ]);
  });

  it('asks for a title line first', () => {
    expect(problemsOf('开展{{activities.count}}项')).toEqual(['第 1 行：模板须以“# 标题”一行开头']);
    expect(problemsOf('\n\n')).toEqual(['第 1 行：模板须以“# 标题”一行开头']);
  });

  it('names the problems in English for an English reader', () => {
    try {
      parseTemplate('# t\n{{nope}}', indicators, 'en-US');
      expect.unreachable();
    } catch (err) {
      expect((err as AppError).options.details![0]!.message).toBe('line 2 {{nope}}: There is no indicator with code "nope"');
    }
  });
});

describe('filling a template', () => {
  it('writes each figure in its format and keeps its code, narrowing and query beside the text', () => {
    const review = sampleReview();
    expect(review.title).toBe('南阳市科协2024年工作回顾：汇聚科技资源 赋能创新发展');
    expect(review).toMatchObject({ year: 2024, orgId: sampleOrg.id });
    const lecture = review.blocks[2]!;
    expect(lecture).toEqual({
      kind: 'paragraph',
      content: [
        { kind: 'text', text: '大力弘扬科学家精神。召开科学家精神报告会' },
        {
          kind: 'figure',
          code: 'activities.count',
          value: 6,
          text: '6',
          format: 'plain',
          where: { series: ['科学家精神'], type: ['讲座/报告会'] },
          filters: { orgId: sampleOrg.id, orgName: '南阳市科协', from: '2024-01-01', to: '2024-12-31', verifiedOnly: false, conditions: 'series=科学家精神; type=讲座/报告会' },
        },
        { kind: 'text', text: '场。' },
      ],
    });
    const texts = review.blocks.map((block) => block.content.map((inline) => inline.text).join(''));
    expect(texts).toContain('开展2758项形式多样、成效明显的科普活动，受益人次超过200万。');
    expect(texts).toContain('科技馆全年接待观众33.56万人次 <团体> & “75”个。2025年已经到来。');
  });

  it('computes a figure named twice, in any narrowing order, once', () => {
    const template = parseTemplate('# t\n{{activities.count type=a series=b}}{{activities.count series=b type=a | 余}}', sampleIndicators, 'zh-CN');
    expect(new Set(templateFigures(template).map((figure) => requestKey(figure.request)))).toEqual(new Set(['activities.count series=b type=a']));
  });
});
