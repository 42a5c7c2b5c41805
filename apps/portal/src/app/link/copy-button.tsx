'use client';
import { useEffect, useState } from 'react';
import './copy-button.css';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies `text`; says so in a polite live region. Where the Clipboard API is missing, asks the user to copy by hand. */
export function CopyButton({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 4000);
    return () => clearTimeout(t);
  }, [state]);

  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <span className="copy">
      <button type="button" className="button" onClick={copy} data-testid={testId}>
        {label}
      </button>
      <span role="status" aria-live="polite" className={state === 'failed' ? 'copy-status field-error' : 'copy-status'}>
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Could not copy: select the key and copy it yourself.' : ''}
      </span>
    </span>
  );
}
