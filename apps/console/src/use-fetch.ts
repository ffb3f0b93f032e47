import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from './api';

/**
 * Reads a path of the API, and reads it again when `path` changes or `refreshKey` does (a live event).
 * A second read follows a second later: read models lag the store by a few milliseconds.
 */
export function useFetch<T>(path: string | undefined, refreshKey?: unknown) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(false);
  const latest = useRef(path);
  latest.current = path;
  const load = useCallback(async () => {
    if (!path) return;
    setLoading(true);
    try {
      const value = await api<T>(path);
      if (latest.current === path) {
        setData(value);
        setError(undefined);
      }
    } catch (e) {
      if (latest.current === path)
        setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e)));
    } finally {
      setLoading(false);
    }
  }, [path]);
  useEffect(() => {
    void load();
  }, [load]);
  // A burst of events makes one pair of re-reads: each new key replaces the pending ones (keys only
  // grow, so the newest covers the earlier ones).
  const timers = useRef<ReturnType<typeof setTimeout>[]>([]);
  useEffect(() => () => timers.current.forEach(clearTimeout), []);
  useEffect(() => {
    if (refreshKey === undefined) return;
    timers.current.forEach(clearTimeout);
    timers.current = [setTimeout(() => void load(), 150), setTimeout(() => void load(), 1200)];
  }, [refreshKey, load]);
  return { data, error, loading, reload: load };
}
