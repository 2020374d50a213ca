/** Export and import of organisations as Excel (filled in by the Excel feature). */
export default function OrgExcelActions(_props: { onImported?: () => void }) {
  return null;
}
