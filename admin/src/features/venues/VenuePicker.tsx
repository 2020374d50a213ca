import { Form, Select } from 'antd';
import { useSearchParams } from 'react-router';
import { useT } from '../../app/i18n.tsx';
import { useVenueChoices, type Venue } from './api.ts';
import { venueMessages } from './messages.ts';

/** The address bar's key for the chosen venue, shared by the visits and outreach tabs so the choice carries over. */
export const venueParam = 'venue';

/** The venue the tab shows (from the address bar), with a picker to change it; hands back the chosen venue once loaded. */
export function useChosenVenue(): { venueId?: string; venue?: Venue; venues?: Venue[]; choose(venueId: string): void } {
  const [params, setParams] = useSearchParams();
  const venues = useVenueChoices();
  const venueId = params.get(venueParam) ?? undefined;
  const choose = (next: string) =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      updated.set(venueParam, next);
      // Another venue's list starts on its first page.
      for (const key of [...updated.keys()]) if (key.endsWith('.page')) updated.delete(key);
      return updated;
    });
  return { venueId, venue: venues?.find((v) => v.id === venueId), venues, choose };
}

export function VenuePicker({ id, venueId, venues, onChoose }: { id: string; venueId?: string; venues?: Venue[]; onChoose(venueId: string): void }) {
  const t = useT(venueMessages);
  return (
    <Form.Item label={t('venue')} htmlFor={id} style={{ marginBottom: 0 }}>
      <Select
        id={id}
        value={venueId}
        onChange={onChoose}
        options={(venues ?? []).map((v) => ({ value: v.id, label: v.name }))}
        loading={!venues}
        showSearch
        optionFilterProp="label"
        placeholder={t('chooseVenue')}
        style={{ width: 240, maxWidth: '100%' }}
      />
    </Form.Item>
  );
}
