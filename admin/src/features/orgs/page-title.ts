import type { CSSProperties } from 'react';

/** Each page has one h1, sized like a card title rather than a poster (Ant Design Pro's page header). */
export const pageTitleStyle: CSSProperties = { fontSize: 20, lineHeight: '32px', margin: 0 };
