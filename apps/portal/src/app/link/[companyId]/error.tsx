'use client';

export default function LinkError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="card" data-testid="link-unavailable">
      <h1>This page could not be loaded</h1>
      <p>Ledgerlink is not answering just now. Wait a moment and try again; your link is still valid.</p>
      <button type="button" className="button button-primary" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
