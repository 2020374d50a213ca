import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';

/**
 * Ant Design writes a two-character button such as 保存 as 保 存; inside this
 * wrapper (and the dialogs it opens) buttons read exactly as the message
 * catalogue spells them, for screen readers and for tests that find them by name.
 */
export function ExactButtonText({ children }: { children: ReactNode }) {
  return <ConfigProvider button={{ autoInsertSpace: false }}>{children}</ConfigProvider>;
}
