import type { Query } from '../../app/api.ts';

/** Export of the current user list as Excel (filled in by the Excel feature). */
export default function UserExcelActions(_props: { query: Query }) {
  return null;
}
