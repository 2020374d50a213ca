import dayjs from 'dayjs';

/** 2026-05-20 08:30 in the browser's time zone: how the content screens show instants. */
export const formatDateTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');
