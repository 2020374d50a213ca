import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';

/**
 * Which dialog is showing and for what. The subject outlives `open` until the
 * closing animation ends (`afterClose`), so the dialog can animate out and hand
 * focus back to the button that opened it; each new subject gets a fresh form.
 */
export function useDialogState<Subject>() {
  const [subject, setSubject] = useState<Subject | null>(null);
  const [open, setOpen] = useState(false);
  const show = useCallback((next: Subject) => {
    setSubject(next);
    setOpen(true);
  }, []);
  const hide = useCallback(() => setOpen(false), []);
  const afterClose = useCallback(() => setSubject(null), []);
  return { subject, open, show, hide, afterClose };
}

/**
 * For a dialog's afterOpenChange: once it has opened, puts the keyboard in its
 * first field (Ant Design leaves it on the dialog's frame), unless the user is
 * already typing in one of its fields (a quick hand, or a test) by then.
 */
export function focusFieldOnOpen(form: FormInstance, name: string) {
  return (open: boolean) => {
    if (open && !document.activeElement?.closest('form')) form.focusField(name);
  };
}
