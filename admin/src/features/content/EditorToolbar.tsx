import {
  AlignCenterOutlined,
  AlignLeftOutlined,
  AlignRightOutlined,
  BoldOutlined,
  DisconnectOutlined,
  DownOutlined,
  ItalicOutlined,
  LineOutlined,
  LinkOutlined,
  OrderedListOutlined,
  PictureOutlined,
  RedoOutlined,
  StrikethroughOutlined,
  TableOutlined,
  UnderlineOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { Button, Divider, Dropdown, Tooltip, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../app/i18n.tsx';
import type { Alignment } from './editor-extensions.ts';
import { contentMessages } from './messages.ts';

type HeadingLevel = 2 | 3 | 4;
const headingLevels: HeadingLevel[] = [2, 3, 4];

interface ToolProps {
  label: string;
  icon: ReactNode;
  onClick(): void;
  /** For toggles (bold, a list): whether it applies to the selection now. */
  active?: boolean;
  disabled?: boolean;
}

/** One toolbar button: an icon with its name as tooltip and accessible name; toggles say whether they are on. */
function Tool({ label, icon, onClick, active, disabled }: ToolProps) {
  return (
    <Tooltip title={label}>
      <Button
        type={active ? 'primary' : 'text'}
        ghost={active}
        size="small"
        icon={icon}
        aria-label={label}
        aria-pressed={active === undefined ? undefined : active}
        disabled={disabled}
        // Keep the selection in the document while clicking.
        onMouseDown={(event) => event.preventDefault()}
        onClick={onClick}
      />
    </Tooltip>
  );
}

interface EditorToolbarProps {
  editor: Editor;
  onLink(): void;
  onImage(): void;
}

/** The formatting toolbar above the body; it wraps onto more lines on a phone. */
export function EditorToolbar({ editor, onLink, onImage }: EditorToolbarProps) {
  const t = useT(contentMessages);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      heading: headingLevels.find((level) => e.isActive('heading', { level })) ?? 0,
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      strike: e.isActive('strike'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      link: e.isActive('link'),
      align: (['center', 'right'] as const).find((align) => e.isActive({ textAlign: align })) ?? 'left',
      inTable: e.isActive('table'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();

  const blockName = (level: number) => (level === 0 ? t('paragraph') : t('heading', { level }));
  const blockItems: MenuProps['items'] = [0, ...headingLevels].map((level) => ({
    key: String(level),
    label: blockName(level),
    onClick: () => (level === 0 ? chain().setParagraph().run() : chain().setHeading({ level: level as HeadingLevel }).run()),
  }));
  const align = (alignment: Alignment) => chain().setTextAlign(alignment).run();

  const tableItems: MenuProps['items'] = [
    { key: 'insert', label: t('insertTable'), onClick: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
    { type: 'divider' },
    { key: 'addRow', label: t('addRowAfter'), disabled: !state.inTable, onClick: () => chain().addRowAfter().run() },
    { key: 'deleteRow', label: t('deleteRow'), disabled: !state.inTable, onClick: () => chain().deleteRow().run() },
    { key: 'addColumn', label: t('addColumnAfter'), disabled: !state.inTable, onClick: () => chain().addColumnAfter().run() },
    { key: 'deleteColumn', label: t('deleteColumnOfTable'), disabled: !state.inTable, onClick: () => chain().deleteColumn().run() },
    { key: 'headerRow', label: t('toggleHeaderRow'), disabled: !state.inTable, onClick: () => chain().toggleHeaderRow().run() },
    { key: 'deleteTable', label: t('deleteTable'), disabled: !state.inTable, danger: true, onClick: () => chain().deleteTable().run() },
  ];

  const separator = <Divider type="vertical" style={{ margin: '0 4px' }} />;
  return (
    <div role="toolbar" aria-label={t('toolbar')} className="article-editor-toolbar">
      <Dropdown menu={{ items: blockItems, selectable: true, selectedKeys: [String(state.heading)] }} trigger={['click']}>
        <Button type="text" size="small" aria-label={`${t('textStyle')}：${blockName(state.heading)}`} onMouseDown={(event) => event.preventDefault()}>
          {blockName(state.heading)}
          <DownOutlined aria-hidden style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      {separator}
      <Tool label={t('bold')} icon={<BoldOutlined aria-hidden />} active={state.bold} onClick={() => chain().toggleBold().run()} />
      <Tool label={t('italic')} icon={<ItalicOutlined aria-hidden />} active={state.italic} onClick={() => chain().toggleItalic().run()} />
      <Tool label={t('underline')} icon={<UnderlineOutlined aria-hidden />} active={state.underline} onClick={() => chain().toggleUnderline().run()} />
      <Tool label={t('strike')} icon={<StrikethroughOutlined aria-hidden />} active={state.strike} onClick={() => chain().toggleStrike().run()} />
      {separator}
      <Tool label={t('bulletList')} icon={<UnorderedListOutlined aria-hidden />} active={state.bulletList} onClick={() => chain().toggleBulletList().run()} />
      <Tool label={t('orderedList')} icon={<OrderedListOutlined aria-hidden />} active={state.orderedList} onClick={() => chain().toggleOrderedList().run()} />
      <Tool label={t('blockquote')} icon={<span aria-hidden style={{ fontSize: 18, lineHeight: 1 }}>“</span>} active={state.blockquote} onClick={() => chain().toggleBlockquote().run()} />
      {separator}
      <Tool label={t('alignLeft')} icon={<AlignLeftOutlined aria-hidden />} active={state.align === 'left'} onClick={() => align('left')} />
      <Tool label={t('alignCenter')} icon={<AlignCenterOutlined aria-hidden />} active={state.align === 'center'} onClick={() => align('center')} />
      <Tool label={t('alignRight')} icon={<AlignRightOutlined aria-hidden />} active={state.align === 'right'} onClick={() => align('right')} />
      {separator}
      <Tool label={t('link')} icon={<LinkOutlined aria-hidden />} active={state.link} onClick={onLink} />
      <Tool label={t('unlink')} icon={<DisconnectOutlined aria-hidden />} disabled={!state.link} onClick={() => chain().extendMarkRange('link').unsetLink().run()} />
      <Dropdown menu={{ items: tableItems }} trigger={['click']}>
        <Button type="text" size="small" aria-label={t('table')} onMouseDown={(event) => event.preventDefault()}>
          <TableOutlined aria-hidden />
          <DownOutlined aria-hidden style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      <Tool label={t('image')} icon={<PictureOutlined aria-hidden />} onClick={onImage} />
      <Tool label={t('horizontalRule')} icon={<LineOutlined aria-hidden />} onClick={() => chain().setHorizontalRule().run()} />
      {separator}
      <Tool label={t('undo')} icon={<UndoOutlined aria-hidden />} disabled={!state.canUndo} onClick={() => chain().undo().run()} />
      <Tool label={t('redo')} icon={<RedoOutlined aria-hidden />} disabled={!state.canRedo} onClick={() => chain().redo().run()} />
    </div>
  );
}
