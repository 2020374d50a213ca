import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../app/i18n.tsx';
import { fetchUser, fetchUsers, type User } from './api.ts';
import { userMessages } from './messages.ts';

interface UserSelectProps {
  /** The chosen user's id. */
  value?: string;
  onChange?: (userId: string | undefined) => void;
  placeholder?: string;
  id?: string;
  style?: React.CSSProperties;
}

type Option = { value: string; label: string };

const searchDelayMs = 300;

/** Picks a user in the admin's scope by typing part of the username or name; usable as a Form.Item control. */
export function UserSelect({ value, onChange, placeholder, id, style }: UserSelectProps) {
  const t = useT(userMessages);
  const [options, setOptions] = useState<Option[]>([]);
  const [searching, setSearching] = useState(false);
  const latestSearch = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const toOption = (user: User): Option => ({ value: user.id, label: t('nameWithUsername', { name: user.displayName, username: user.username }) });

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      // Only the answer to the latest keystroke counts; earlier ones may arrive late.
      const serial = ++latestSearch.current;
      setSearching(true);
      fetchUsers({ q: q.trim() || undefined, pageSize: 20, sort: 'username' })
        .then((page) => serial === latestSearch.current && setOptions(page.items.map(toOption)))
        .catch(() => serial === latestSearch.current && setOptions([]))
        .finally(() => serial === latestSearch.current && setSearching(false));
    }, searchDelayMs);
  };

  useEffect(() => () => clearTimeout(timer.current), []);

  // A value restored from the address bar arrives as a bare id: look up its name once.
  useEffect(() => {
    if (!value || options.some((option) => option.value === value)) return;
    let current = true;
    fetchUser(value).then(
      (user) => current && setOptions((known) => [toOption(user), ...known.filter((option) => option.value !== user.id)]),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [value]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      options={options}
      showSearch
      filterOption={false}
      onSearch={search}
      onOpenChange={(open) => open && options.length <= 1 && search('')}
      notFoundContent={searching ? <Spin size="small" /> : undefined}
      allowClear
      placeholder={placeholder}
      style={style}
      popupMatchSelectWidth={false}
    />
  );
}
