import { Initial1795316939837 } from './1795316939837-initial';
import { ConnectorStore1795317899546 } from './1795317899546-connector-store';
import { PullSync1795318259765 } from './1795318259765-pull-sync';
import { Webhooks1795318781744 } from './1795318781744-webhooks';
import { DatasetSeen1795319597587 } from './1795319597587-dataset-seen';
import { RecordExpressionIndexes1795320492942 } from './1795320492942-record-expression-indexes';
import { RecordStatistics1795320806102 } from './1795320806102-record-statistics';
import { DatasetReadMode1795330000000 } from './1795330000000-dataset-read-mode';
import { WebhookPump1795340000000 } from './1795340000000-webhook-pump';
import { WebhookDeliveryFunctions1795350000000 } from './1795350000000-webhook-delivery-functions';

/** Every migration in order. Never edit one that has landed: add a new one. */
export const MIGRATIONS = [
  Initial1795316939837,
  ConnectorStore1795317899546,
  PullSync1795318259765,
  Webhooks1795318781744,
  DatasetSeen1795319597587,
  RecordExpressionIndexes1795320492942,
  RecordStatistics1795320806102,
  DatasetReadMode1795330000000,
  WebhookPump1795340000000,
  WebhookDeliveryFunctions1795350000000,
];
