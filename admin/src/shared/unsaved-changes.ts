import { App } from 'antd';
import { useEffect } from 'react';
import { useBlocker } from 'react-router';

interface LeaveTexts {
  /** The question, e.g. 有未保存的修改，确定离开？ */
  title: string;
  leave: string;
  stay: string;
}

/**
 * Leaving an editor with unsaved edits asks first: inside the console (a
 * confirm dialog) and when closing or reloading the tab (the browser's own).
 * `isDirty` is read when navigation starts, so a save that navigates at once
 * is not stopped by a state update still on its way; `dirty` drives the tab
 * warning.
 */
export function useUnsavedChangesGuard(isDirty: () => boolean, dirty: boolean, texts: LeaveTexts): void {
  const { modal } = App.useApp();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => isDirty() && currentLocation.pathname !== nextLocation.pathname);
  const { title, leave, stay } = texts;
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({ title, okText: leave, okButtonProps: { danger: true }, cancelText: stay, onOk: () => blocker.proceed(), onCancel: () => blocker.reset() });
  }, [blocker, modal, title, leave, stay]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}
