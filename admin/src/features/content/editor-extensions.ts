import { Extension } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { normaliseLinkHref } from './link-href.ts';

export type Alignment = 'left' | 'center' | 'right';
const alignable = ['paragraph', 'heading'];

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    textAlign: {
      /** Aligns the selected paragraphs and headings; left is the default and stores nothing. */
      setTextAlign: (alignment: Alignment) => ReturnType;
    };
  }
}

/** Alignment of paragraphs and headings as `style="text-align: …"`, the one style the server keeps. */
const TextAlign = Extension.create({
  name: 'textAlign',
  addGlobalAttributes() {
    return [
      {
        types: alignable,
        attributes: {
          textAlign: {
            default: null,
            parseHTML: (element: HTMLElement) => (/^(center|right)$/.test(element.style.textAlign) ? element.style.textAlign : null),
            renderHTML: (attributes: { textAlign?: string | null }) => (attributes.textAlign ? { style: `text-align: ${attributes.textAlign}` } : {}),
          },
        },
      },
    ];
  },
  addCommands() {
    return {
      setTextAlign:
        (alignment) =>
        ({ commands }) =>
          alignable.map((type) => commands.updateAttributes(type, { textAlign: alignment === 'left' ? null : alignment })).some(Boolean),
    };
  },
});

/**
 * A picture from the media library. `data-media-id` is what the server keeps
 * (with alt); `src` is only for showing it while editing.
 */
export const MediaImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      mediaId: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute('data-media-id'),
        renderHTML: (attributes: { mediaId?: string | null }) => (attributes.mediaId ? { 'data-media-id': attributes.mediaId } : {}),
      },
    };
  },
}).configure({ inline: false, allowBase64: false });

/**
 * What an article body may hold, matching the server's allow-list: headings
 * H2–H4 (the title is the page's H1), the usual marks, lists, quotes, links
 * (http, https, mailto), rules, tables and library images. No code blocks:
 * the portal has no style for them and the server drops them.
 */
export const articleBodyExtensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: 'https',
      protocols: ['mailto'],
      isAllowedUri: (url) => normaliseLinkHref(url) !== undefined,
      HTMLAttributes: { target: null, rel: null, class: null },
    },
  }),
  TableKit.configure({ table: { resizable: false } }),
  MediaImage,
  TextAlign,
];
