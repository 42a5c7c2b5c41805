import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ClientId } from '../auth/api-key.guard';
import { ApiBodySchema, ApiResult } from '../common/http/openapi';
import { validate } from '../common/http/validate';
import { WebhookConsumersService } from './webhook-consumers.service';
import { WebhookMessagesService } from './webhook-messages.service';
import { toConsumer } from './webhook.mapper';
import { DELIVERY_DESCRIPTION, REPLAY_RESULT_SCHEMA, WEBHOOK_CONSUMER_SCHEMA, WEBHOOK_CONSUMERS_SCHEMA, WEBHOOK_SECRET_SCHEMA } from './webhook.openapi';
import { createConsumerSchema, replaySchema, updateConsumerSchema } from './webhook.schemas';

const ID = { name: 'webhookId', description: 'Webhook consumer id', schema: { type: 'string', format: 'uuid' } };

@ApiTags('Webhooks')
@Controller('webhooks')
export class WebhookController {
  constructor(
    private readonly consumers: WebhookConsumersService,
    private readonly messages: WebhookMessagesService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List webhook consumers (not paged)', operationId: 'list-webhook-consumers' })
  @ApiResult(200, WEBHOOK_CONSUMERS_SCHEMA, [400, 401])
  async list(@ClientId() clientId: string) {
    return { results: (await this.consumers.list(clientId, 'consumer')).map(toConsumer) };
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a webhook consumer', description: DELIVERY_DESCRIPTION, operationId: 'create-webhook-consumer' })
  @ApiBodySchema(createConsumerSchema)
  @ApiResult(201, WEBHOOK_CONSUMER_SCHEMA, [400, 401])
  async create(@ClientId() clientId: string, @Body() body: unknown) {
    return toConsumer(await this.consumers.create(clientId, validate(createConsumerSchema, body)));
  }

  @Get(':webhookId')
  @ApiOperation({ summary: 'Get a webhook consumer (Ledgerlink extension)', operationId: 'get-webhook-consumer' })
  @ApiParam(ID)
  @ApiResult(200, WEBHOOK_CONSUMER_SCHEMA)
  async get(@ClientId() clientId: string, @Param('webhookId') id: string) {
    return toConsumer(await this.consumers.requireConsumer(clientId, id, 'consumer'));
  }

  @Patch(':webhookId')
  @ApiOperation({
    summary: 'Update, enable or disable a webhook consumer (Ledgerlink extension)',
    description: '`{"disabled": true}` disables the consumer (its pending messages fail and can be replayed later); `{"disabled": false}` enables it and clears its failure streak. `url`, `eventTypes` and `companyTags` replace the stored values when given.',
    operationId: 'update-webhook-consumer',
  })
  @ApiParam(ID)
  @ApiBodySchema(updateConsumerSchema)
  @ApiResult(200, WEBHOOK_CONSUMER_SCHEMA)
  async update(@ClientId() clientId: string, @Param('webhookId') id: string, @Body() body: unknown) {
    await this.consumers.requireConsumer(clientId, id, 'consumer');
    return toConsumer(await this.consumers.update(clientId, id, validate(updateConsumerSchema, body ?? {})));
  }

  @Delete(':webhookId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a webhook consumer', operationId: 'delete-webhook-consumer' })
  @ApiParam(ID)
  @ApiResult(204)
  async remove(@ClientId() clientId: string, @Param('webhookId') id: string) {
    await this.consumers.remove(clientId, id, 'consumer');
  }

  @Get(':webhookId/secret')
  @ApiOperation({ summary: "Get the consumer's signing secret", operationId: 'get-webhook-consumer-secret' })
  @ApiParam(ID)
  @ApiResult(200, WEBHOOK_SECRET_SCHEMA)
  getSecret(@ClientId() clientId: string, @Param('webhookId') id: string) {
    return this.consumers.getSecret(clientId, id, 'consumer');
  }

  @Post(':webhookId/secret/rotate')
  @HttpCode(204)
  @ApiOperation({
    summary: "Rotate the consumer's signing secret",
    description: 'A new secret signs from now on. For 24 hours the previous secret signs too: `webhook-signature` then carries two space-separated signatures, so receivers can switch keys without dropping messages.',
    operationId: 'rotate-webhook-consumer-secret',
  })
  @ApiParam(ID)
  @ApiResult(204)
  async rotateSecret(@ClientId() clientId: string, @Param('webhookId') id: string) {
    await this.consumers.rotateSecret(clientId, id, 'consumer');
  }

  @Post(':webhookId/replay')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Replay messages to a consumer',
    description: '`{"messageId": "..."}` re-sends one message (its uuid or `msg_…` webhook-id), whatever its status. `{"since": "2024-01-01T00:00:00Z"}` re-sends every failed message created since then. Replays keep their `webhook-id` and get a fresh retry schedule.',
    operationId: 'replay-webhook-messages',
  })
  @ApiParam(ID)
  @ApiBodySchema(replaySchema)
  @ApiResult(202, REPLAY_RESULT_SCHEMA)
  async replay(@ClientId() clientId: string, @Param('webhookId') id: string, @Body() body: unknown) {
    await this.consumers.requireConsumer(clientId, id, 'consumer');
    return this.messages.replay(clientId, id, validate(replaySchema, body ?? {}));
  }
}
