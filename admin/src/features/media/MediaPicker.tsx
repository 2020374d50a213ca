import { Modal } from 'antd';
import { useT } from '../../app/i18n.tsx';
import type { MediaItem, MediaKind } from './api.ts';
import { MediaLibrary } from './MediaLibrary.tsx';
import { mediaMessages } from './messages.ts';

export type { MediaItem, MediaKind } from './api.ts';

export interface MediaPickerProps {
  open: boolean;
  kind: MediaKind;
  onPick(item: MediaItem): void;
  onCancel(): void;
}

/**
 * A dialog to choose an image or attachment from the library, or upload one
 * and choose it, as the article editor inserts pictures and files.
 */
export function MediaPicker({ open, kind, onPick, onCancel }: MediaPickerProps) {
  const t = useT(mediaMessages);
  return (
    <Modal open={open} title={t(kind === 'image' ? 'pickImage' : 'pickAttachment')} onCancel={onCancel} footer={null} width={1000} destroyOnHidden>
      <MediaLibrary kind={kind} onPick={onPick} />
    </Modal>
  );
}

export default MediaPicker;
