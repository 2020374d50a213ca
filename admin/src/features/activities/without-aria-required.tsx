import type { ComponentType } from 'react';

/**
 * Ant Design's Form.Item hands a required field's control `aria-required`;
 * a Select or Radio.Group puts it on an outer element whose role does not
 * allow it (axe: aria-allowed-attr). The field still shows as required and
 * its error is still announced, so the attribute is dropped here.
 */
export function withoutAriaRequired<P extends object>(Control: ComponentType<P>) {
  return function WithoutAriaRequired({ 'aria-required': _required, ...props }: P & { 'aria-required'?: unknown }) {
    return <Control {...(props as P)} />;
  };
}
