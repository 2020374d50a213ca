import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useCountyChoices } from './api.ts';

interface CountySelectProps {
  id?: string;
  value?: string | null;
  onChange?: (orgId: string | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  style?: CSSProperties;
}

/** Picks a county (所在县区): a county-level association of the user's tree, or the city; usable as a Form.Item control. */
export function CountySelect({ id, value, onChange, allowClear, placeholder, style }: CountySelectProps) {
  const counties = useCountyChoices();
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next ?? undefined)}
      options={(counties ?? []).map((org) => ({ value: org.id, label: org.name }))}
      loading={!counties}
      showSearch
      optionFilterProp="label"
      allowClear={allowClear}
      placeholder={placeholder}
      style={style ?? { width: '100%' }}
    />
  );
}
