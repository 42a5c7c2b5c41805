import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { serverApi, trpcErrorCode } from '../../../../lib/server-api';
import type { WebhookConsumer } from '../../_webhooks/types';

/** One API call per request, shared by generateMetadata and the page. There is no `get`: the list is short (50 at most). */
export const loadConsumer = cache(async (consumerId: string): Promise<WebhookConsumer | 'not-found' | 'signed-out'> => {
  try {
    const all = await serverApi().webhooks.list.query();
    return all.find((c) => c.id.toLowerCase() === consumerId.toLowerCase()) ?? 'not-found';
  } catch (err) {
    if (trpcErrorCode(err) === 'UNAUTHORIZED') return 'signed-out';
    throw err;
  }
});

export async function consumerOrLeave(params: Promise<{ consumerId: string }>): Promise<WebhookConsumer> {
  const result = await loadConsumer((await params).consumerId);
  if (result === 'not-found') notFound();
  if (result === 'signed-out') redirect('/signin');
  return result;
}
