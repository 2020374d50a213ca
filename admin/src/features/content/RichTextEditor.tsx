import { EditorContent, useEditor } from '@tiptap/react';
import { Form, Input, Modal } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import type { MediaItem } from '../media/MediaPicker.tsx';
import { articleBodyExtensions } from './editor-extensions.ts';
import { EditorToolbar } from './EditorToolbar.tsx';
import { normaliseLinkHref } from './link-href.ts';
import { contentMessages } from './messages.ts';
import { cleanPastedHtml } from './pasted-html.ts';
import './RichTextEditor.css';

// The library dialog loads when first opened, not with the editor.
const MediaPicker = lazy(() => import('../media/MediaPicker.tsx'));

interface RichTextEditorProps {
  /** The body to start from (with image `src`s filled in); read once, when the editor mounts. */
  initialHtml: string;
  editable: boolean;
  /** Each change the person makes, as HTML; loading the initial body is not a change. */
  onChange(html: string): void;
  /** The id of the visible label ("正文"), which names the editing area for screen readers. */
  labelId: string;
}

/** The article body editor: TipTap with a Word-like toolbar, clean paste, and images from the media library. */
export default function RichTextEditor({ initialHtml, editable, onChange, labelId }: RichTextEditorProps) {
  const [linking, setLinking] = useState(false);
  const [pickingImage, setPickingImage] = useState(false);
  const editor = useEditor({
    extensions: articleBodyExtensions,
    content: initialHtml,
    editable,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    onUpdate: ({ editor: e }) => onChange(e.getHTML()),
    editorProps: {
      transformPastedHTML: cleanPastedHtml,
      attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': labelId, class: 'article-editor-content' },
    },
  });

  useEffect(() => {
    editor.setEditable(editable, false);
  }, [editor, editable]);

  const insertImage = (item: MediaItem) => {
    setPickingImage(false);
    editor.chain().focus().insertContent({ type: 'image', attrs: { src: item.url, alt: item.alt, mediaId: item.id } }).run();
  };

  return (
    <div className="article-editor">
      {editable && <EditorToolbar editor={editor} onLink={() => setLinking(true)} onImage={() => setPickingImage(true)} />}
      <EditorContent editor={editor} />
      {linking && (
        <LinkDialog
          initialHref={editor.getAttributes('link').href ?? ''}
          onCancel={() => {
            setLinking(false);
            editor.commands.focus();
          }}
          onConfirm={(href) => {
            setLinking(false);
            const chain = editor.chain().focus().extendMarkRange('link');
            // With nothing selected the address itself becomes the linked text.
            if (editor.state.selection.empty && !editor.isActive('link')) chain.insertContent({ type: 'text', text: href.replace(/^mailto:/, ''), marks: [{ type: 'link', attrs: { href } }] }).run();
            else chain.setLink({ href }).run();
          }}
        />
      )}
      {pickingImage && (
        <Suspense fallback={null}>
          <MediaPicker open kind="image" onPick={insertImage} onCancel={() => setPickingImage(false)} />
        </Suspense>
      )}
    </div>
  );
}

/** Asks for a link address; only http, https and mailto are accepted. */
function LinkDialog({ initialHref, onConfirm, onCancel }: { initialHref: string; onConfirm(href: string): void; onCancel(): void }) {
  const t = useT(contentMessages);
  const tApp = useT(appMessages);
  const [form] = Form.useForm<{ href: string }>();
  return (
    <Modal
      open
      title={t('linkTitle')}
      okText={tApp('confirm')}
      cancelText={tApp('cancel')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      afterOpenChange={(open) => open && form.focusField('href')}
      destroyOnHidden
    >
      <Form form={form} name="bodyLink" layout="vertical" initialValues={{ href: initialHref }} onFinish={({ href }) => onConfirm(normaliseLinkHref(href)!)}>
        <Form.Item
          name="href"
          label={t('linkHref')}
          extra={t('linkHint')}
          rules={[{ validator: async (_, value: string | undefined) => (normaliseLinkHref(value ?? '') ? undefined : Promise.reject(new Error(t('linkInvalid')))) }]}
        >
          <Input autoComplete="off" spellCheck={false} inputMode="url" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
