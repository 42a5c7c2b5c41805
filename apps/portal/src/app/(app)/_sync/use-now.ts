'use client';
import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs`: for "5 minutes ago" texts (browser only). */
export function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}
