import { useCallback, useEffect, useState } from 'react';

export interface Loaded<T> {
  /** The answer for the current key; undefined while it loads. */
  data?: T;
  error?: unknown;
  reload(): void;
}

/**
 * Loads again whenever `key` changes and keeps only the answer to the latest
 * request, so a slow answer for the previous filters never overwrites the
 * current one.
 */
export function useLoaded<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ key: string; data?: T; error?: unknown }>({ key: '' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    // Started once every effect of this render has run: the console sets the
    // request language in an effect of its own, after this page's, and a
    // reload because the language changed must go out in the new one.
    Promise.resolve()
      .then(load)
      .then(
        (data) => current && setState({ key, data }),
        (error: unknown) => current && setState({ key, error }),
      );
    return () => {
      current = false;
    };
    // `load` is a new closure on every render; `key` says when its answer changes.
  }, [key, attempt]); // eslint-disable-line react-hooks/exhaustive-deps
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return state.key === key ? { data: state.data, error: state.error, reload } : { reload };
}
