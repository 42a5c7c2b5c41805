'use client';
import { useEffect, useRef, useState } from 'react';
import { monogram } from './flow';

/**
 * An integration's logo. `logoUrl` is on the API's public origin; when the browser cannot reach
 * it (API_URL and PUBLIC_API_URL differ, a proxy in between), the portal's own copy
 * (/link/logos/<key>, fetched server-side) is tried, then the platform's initials. Decorative:
 * the name is always printed beside it.
 */
export function PlatformLogo({ platformKey, name, logoUrl, size = 48 }: { platformKey: string; name: string; logoUrl: string; size?: number }) {
  const sources = [logoUrl, `/link/logos/${encodeURIComponent(platformKey)}`].filter(Boolean);
  const [attempt, setAttempt] = useState(0);
  const img = useRef<HTMLImageElement>(null);
  const src = sources[attempt];

  /** Next source; a no-op if this attempt has already been given up (both paths below may fire). */
  const giveUp = (failed: number) => setAttempt((a) => (a === failed ? a + 1 : a));

  // An image that failed before hydration fired its error event before React listened:
  // decode() rejects for an image that cannot be shown, whenever it failed.
  useEffect(() => {
    const el = img.current;
    if (!el || typeof el.decode !== 'function') return;
    let live = true;
    el.decode().catch(() => {
      if (live && img.current === el) setAttempt((a) => (a === attempt ? a + 1 : a));
    });
    return () => {
      live = false;
    };
  }, [attempt]);

  if (!src) {
    return (
      <span className="platform-logo platform-monogram" style={{ width: size, height: size }} aria-hidden="true" data-testid={`logo-fallback-${platformKey}`}>
        {monogram(name)}
      </span>
    );
  }
  return (
    // A plain <img>: an SVG on another origin, chosen at run time (next/image would need it configured).
    <img
      ref={img}
      key={src}
      className="platform-logo"
      src={src}
      alt=""
      width={size}
      height={size}
      decoding="async"
      data-testid={`logo-${platformKey}`}
      onError={() => giveUp(attempt)}
    />
  );
}
