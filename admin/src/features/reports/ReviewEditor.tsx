import { RedoOutlined, UndoOutlined } from '@ant-design/icons';
import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Divider, Tooltip } from 'antd';
import { useT } from '../../app/i18n.tsx';
import '../content/RichTextEditor.css';
import type { ReviewDocument } from './api.ts';
import { FigureNode } from './FigureNode.tsx';
import { reviewMessages } from './messages.ts';
import { reviewToTiptap, tiptapToReview } from './review-tiptap.ts';
import './ReviewEditor.css';

/**
 * What a review may hold, as the ReviewDocument does: headings (levels 1–3),
 * paragraphs, plain text and figures. No marks, lists or tables: Word, PDF and
 * the portal article are all rendered from this one shape.
 */
const reviewExtensions = [
  StarterKit.configure({
    heading: { levels: [1, 2, 3] },
    blockquote: false,
    bold: false,
    bulletList: false,
    code: false,
    codeBlock: false,
    hardBreak: false,
    horizontalRule: false,
    italic: false,
    link: false,
    listItem: false,
    listKeymap: false,
    orderedList: false,
    strike: false,
    underline: false,
  }),
  FigureNode,
];

const blockStyles = [
  { key: 'paragraph', level: undefined },
  { key: 'heading1', level: 1 },
  { key: 'heading2', level: 2 },
  { key: 'heading3', level: 3 },
] as const;

function ReviewToolbar({ editor }: { editor: Editor }) {
  const t = useT(reviewMessages);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      active: blockStyles.map((s) => (s.level ? e.isActive('heading', { level: s.level }) : e.isActive('paragraph'))),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  return (
    <div className="article-editor-toolbar" role="toolbar" aria-label={t('toolbar')}>
      {blockStyles.map((style, index) => (
        <Button
          key={style.key}
          size="small"
          type={state.active[index] ? 'primary' : 'text'}
          aria-pressed={state.active[index]}
          onClick={() => (style.level ? editor.chain().focus().setHeading({ level: style.level }).run() : editor.chain().focus().setParagraph().run())}
        >
          {t(style.key)}
        </Button>
      ))}
      <Divider type="vertical" />
      <Tooltip title={t('undo')}>
        <Button size="small" type="text" aria-label={t('undo')} icon={<UndoOutlined aria-hidden />} disabled={!state.canUndo} onClick={() => editor.chain().focus().undo().run()} />
      </Tooltip>
      <Tooltip title={t('redo')}>
        <Button size="small" type="text" aria-label={t('redo')} icon={<RedoOutlined aria-hidden />} disabled={!state.canRedo} onClick={() => editor.chain().focus().redo().run()} />
      </Tooltip>
    </div>
  );
}

interface ReviewEditorProps {
  /** The document to start from; read once, when the editor mounts (remount it to load another). */
  document: ReviewDocument;
  editable: boolean;
  /** Each change the person makes, as a document; loading is not a change. */
  onChange(document: ReviewDocument): void;
  /** The id of the visible label, which names the editing area for screen readers. */
  labelId: string;
}

/** The review text editor: free text around figures that stay bound to their indicators (hover one to see where it comes from). */
export default function ReviewEditor({ document, editable, onChange, labelId }: ReviewEditorProps) {
  const editor = useEditor({
    extensions: reviewExtensions,
    content: reviewToTiptap(document),
    editable,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    onUpdate: ({ editor: e }) => onChange(tiptapToReview(e.getJSON(), document)),
    editorProps: {
      attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': labelId, class: 'article-editor-content review-editor-content' },
    },
  });
  return (
    <div className="article-editor">
      {editable && <ReviewToolbar editor={editor} />}
      <EditorContent editor={editor} />
    </div>
  );
}
