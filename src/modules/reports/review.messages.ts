import { defineMessages } from '../../platform/i18n/catalogue.ts';

export const reviewMessages = defineMessages({
  'zh-CN': {
    REVIEW_NOT_FOUND: '工作回顾不存在或不在您的管理范围内',
    REVIEW_ORG_NOT_FOUND: '组织不存在或不在您的管理范围内',
    REVIEW_EXISTS: '{org}{year}年的工作回顾已存在（“{title}”），请打开它编辑，或重新计算其中的数字',
    REVIEW_EDIT_CONFLICT: '{name}已保存了第 {revision} 版，您是在第 {base} 版上修改的；请刷新后再改，以免覆盖对方的修改',
    REVIEW_DOCUMENT_MISMATCH: '文稿属于{expected}，不能保存到这篇工作回顾',
    REVIEW_FIGURE_UNKNOWN: '数字引用了不存在的指标“{code}”',
    REVIEW_FIGURE_FORMAT_UNKNOWN: '数字的格式“{format}”不存在',
    REVIEW_FIGURE_OUT_OF_SCOPE: '数字“{text}”统计的组织不在这篇回顾的范围内',
    REVIEW_FOCUS_NEEDS_COVER: '焦点新闻以图片展示，请为文章选择封面图片',
    REVIEW_ARTICLE_UNREACHABLE: '这篇回顾已发布为其他单位的文章，您无权修改它；请联系发布它的单位',
  },
  'en-US': {
    REVIEW_NOT_FOUND: 'The review does not exist or is outside your scope',
    REVIEW_ORG_NOT_FOUND: 'The organisation does not exist or is outside your scope',
    REVIEW_EXISTS: 'A {year} review of {org} already exists ("{title}"); open it to edit it or to recompute its figures',
    REVIEW_EDIT_CONFLICT: '{name} saved revision {revision} while you were editing revision {base}; reload before changing it so their edit is not lost',
    REVIEW_DOCUMENT_MISMATCH: 'The document belongs to {expected} and cannot be saved into this review',
    REVIEW_FIGURE_UNKNOWN: 'A figure refers to the unknown indicator "{code}"',
    REVIEW_FIGURE_FORMAT_UNKNOWN: 'A figure has the unknown format "{format}"',
    REVIEW_FIGURE_OUT_OF_SCOPE: 'The figure "{text}" counts an organisation outside this review’s scope',
    REVIEW_FOCUS_NEEDS_COVER: 'Focus news are shown with a picture: choose a cover image for the article',
    REVIEW_ARTICLE_UNREACHABLE: 'This review was published as another organisation’s article, which you may not change; ask that organisation',
  },
});
