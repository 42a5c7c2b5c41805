import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="narrow">
      <h1>Not found</h1>
      <p>There is nothing at this address, or it is not yours to see.</p>
      <p>
        <Link href="/companies">Go to companies</Link>
      </p>
    </main>
  );
}
