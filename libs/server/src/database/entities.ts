import { ApiKeyEntity } from '../auth/api-key.entity';
import { ClientEntity } from '../auth/client.entity';
import { PortalSessionEntity } from '../auth/portal-session.entity';
import { PortalUserEntity } from '../auth/portal-user.entity';
import { CompanyEntity } from '../company/company.entity';
import { ConnectionEntity } from '../connection/connection.entity';
import { ConnectorOperationEntity, ConnectorRecordEntity } from '../connector-runtime/connector-record.entity';
import { DatasetEntity } from '../pull/dataset.entity';
import { RecordEntity, RecordVersionEntity } from '../pull/record.entity';
import { SyncScheduleEntity } from '../schedule/sync-schedule.entity';
import { SyncSettingsEntity } from '../sync-settings/sync-settings.entity';
import { WebhookAttemptEntity } from '../webhook/webhook-attempt.entity';
import { WebhookConsumerEntity } from '../webhook/webhook-consumer.entity';
import { WebhookEventEntity } from '../webhook/webhook-event.entity';
import { WebhookMessageEntity } from '../webhook/webhook-message.entity';
import { WebhookNoticeEntity } from '../webhook/webhook-notice.entity';

/** Every entity, listed as classes (not globs) so webpack bundles them. */
export const ENTITIES = [ClientEntity, ApiKeyEntity, PortalUserEntity, PortalSessionEntity, CompanyEntity, ConnectionEntity, ConnectorRecordEntity, ConnectorOperationEntity, DatasetEntity, RecordEntity, RecordVersionEntity, SyncSettingsEntity, SyncScheduleEntity, WebhookConsumerEntity, WebhookEventEntity, WebhookMessageEntity, WebhookAttemptEntity, WebhookNoticeEntity];
