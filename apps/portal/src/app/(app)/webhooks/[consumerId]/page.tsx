import type { Metadata } from 'next';
import { shortUrl } from '../../_webhooks/format';
import { ConsumerView } from './consumer-view';
import { consumerOrLeave, loadConsumer } from './load-consumer';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ consumerId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const result = await loadConsumer((await params).consumerId);
  return { title: typeof result === 'object' ? `Webhook ${shortUrl(result.url)}` : 'Webhook' };
}

export default async function WebhookPage({ params }: Params) {
  const consumer = await consumerOrLeave(params);
  return <ConsumerView consumerId={consumer.id} initial={consumer} />;
}
