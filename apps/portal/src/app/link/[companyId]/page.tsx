import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { serverApi, trpcErrorCode } from '../../../lib/server-api';
import { isUuid, oneParam } from '../flow';
import { LinkFlow } from '../link-flow';
import type { LinkView } from '../link-types';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ companyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * `link.get` is public: the company id in the URL is the capability (as with Codat's link URLs).
 * One API call per request, shared by generateMetadata and the page. An id that is not a UUID
 * never reaches the API.
 */
const loadView = cache(async (companyId: string): Promise<LinkView | null> => {
  if (!isUuid(companyId)) return null;
  try {
    return await serverApi().link.get.query({ companyId });
  } catch (err) {
    const code = trpcErrorCode(err);
    if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') return null;
    throw err;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await loadView((await params).companyId);
  return { title: view ? `Connect ${view.company.name}` : 'This link is not valid' };
}

export default async function LinkPage({ params, searchParams }: Props) {
  const [{ companyId }, search] = await Promise.all([params, searchParams]);
  const view = await loadView(companyId);
  if (!view) notFound();
  return <LinkFlow initialView={view} initialLocation={{ platform: oneParam(search['platform']), connection: oneParam(search['connection']) }} />;
}
