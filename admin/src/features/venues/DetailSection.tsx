import { Button, Card, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../app/i18n.tsx';
import { venueMessages } from './messages.ts';

/**
 * The record whose details are open below a list (a caravan's trips, a
 * show's stops), kept in the address bar under `key` so the page can be
 * reloaded or shared as it is; `load` fetches the record itself for the title.
 */
export function useOpenRecord<T>(key: string, load: (id: string) => Promise<T>) {
  const [params, setParams] = useSearchParams();
  const id = params.get(key) ?? undefined;
  const [record, setRecord] = useState<T>();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    setRecord(undefined);
    if (!id) return;
    let current = true;
    load(id).then(
      (loaded) => current && setRecord(loaded),
      () => current && setRecord(undefined),
    );
    return () => {
      current = false;
    };
  }, [id, load, version]);
  const set = (next: string | undefined) =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      if (next) updated.set(key, next);
      else updated.delete(key);
      return updated;
    });
  return { id, record, open: (next: string) => set(next), close: () => set(undefined), refresh: () => setVersion((n) => n + 1) };
}

/** A titled section below a list with a 收起 button. */
export function DetailSection({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const t = useT(venueMessages);
  return (
    <Card
      size="small"
      title={<SectionHeading>{title}</SectionHeading>}
      extra={<Button onClick={onClose}>{t('closeSection')}</Button>}
      role="region"
      aria-label={title}
    >
      {children}
    </Card>
  );
}

/** A card's title as an h2 under the page's h1, sized as a card title. */
export function SectionHeading({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
      {children}
    </Typography.Title>
  );
}

/** A row's button that opens its details below the list, such as 出车记录. */
export function OpenDetailButton({ onOpen, children }: { onOpen(): void; children: ReactNode }) {
  return (
    <Button type="link" size="small" onClick={onOpen}>
      {children}
    </Button>
  );
}
