import { describe, expect, it } from 'vitest';
import { countyBarOption, monthLineOption, typePieOption } from './chart-options.ts';

const rows = [
  { key: 'a', label: '宛城区科协', value: 300, previous: 250 },
  { key: 'b', label: '方城县科协', value: 120, previous: 0 },
  { key: 'c', label: '唐河县科协', value: 0, previous: 40 },
];

describe('the dashboard’s chart options', () => {
  it('draws one bar per county, in the breakdown’s order, zeros included', () => {
    const option = countyBarOption(rows, '项', '2024 年');
    expect(option.xAxis).toMatchObject({ data: ['宛城区科协', '方城县科协', '唐河县科协'] });
    expect(option.series).toEqual([expect.objectContaining({ type: 'bar', data: [300, 120, 0] })]);
  });

  it('draws this year’s and last year’s lines over the same months', () => {
    const option = monthLineOption(rows, '项', '2024 年', '2023 年');
    expect(option.series).toEqual([
      expect.objectContaining({ type: 'line', name: '2024 年', data: [300, 120, 0] }),
      expect.objectContaining({ type: 'line', name: '2023 年', data: [250, 0, 40] }),
    ]);
  });

  it('leaves types with nothing this year out of the ring', () => {
    const option = typePieOption(rows, '项', '2024 年');
    expect(option.series).toEqual([expect.objectContaining({ data: [{ name: '宛城区科协', value: 300 }, { name: '方城县科协', value: 120 }] })]);
  });
});
