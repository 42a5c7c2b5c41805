import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ClientId } from '../auth/api-key.guard';
import { ApiBodySchema, ApiResult, PAGING_QUERY, pagedSchema } from '../common/http/openapi';
import { validate } from '../common/http/validate';
import { parsePaging } from '../common/paging';
import { WebhookRulesService } from './webhook-rules.service';
import { RULE_SCHEMA } from './webhook.openapi';
import { createRuleSchema } from './webhook.schemas';

const ID = { name: 'ruleId', description: 'Rule id', schema: { type: 'string', format: 'uuid' } };

const RULES_DESCRIPTION =
  'Legacy webhooks (Codat Common API). A rule subscribes one legacy notification type, e.g. `Data sync completed`, ' +
  '`Dataset data changed`, `Data Sync Status Changed To Error`, `New company synchronized` (or `synchronised`), ' +
  '`DataConnectionStatusChanged`, `Push Operation Status Changed()` (with or without the parentheses), `Push Operation Timed Out`, ' +
  'optionally for one company, and POSTs the legacy PascalCase body (`ClientId`, `ClientName`, `CompanyId`, `DataConnectionId`, ' +
  '`RuleId`, `RuleType`, `AlertId`, `Message`, `Data`) to `notifiers.webhook`, signed like webhook consumers. ' +
  '`notifiers.emails` are stored and returned, but Ledgerlink does not send emails.';

@ApiTags('Webhooks (legacy rules)')
@Controller('rules')
export class WebhookRulesController {
  constructor(private readonly rules: WebhookRulesService) {}

  @Get()
  @ApiOperation({ summary: 'List rules (legacy webhooks)', description: RULES_DESCRIPTION, operationId: 'list-rules' })
  @ApiQuery(PAGING_QUERY[0])
  @ApiQuery(PAGING_QUERY[1])
  @ApiQuery(PAGING_QUERY[2])
  @ApiQuery(PAGING_QUERY[3])
  @ApiResult(200, pagedSchema(RULE_SCHEMA), [400, 401])
  list(@ClientId() clientId: string, @Query() raw: Record<string, unknown>) {
    return this.rules.list(clientId, parsePaging(raw));
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Create a rule (legacy webhook)', description: RULES_DESCRIPTION, operationId: 'create-rule' })
  @ApiBodySchema(createRuleSchema)
  @ApiResult(200, RULE_SCHEMA, [400, 401, 404])
  create(@ClientId() clientId: string, @Body() body: unknown) {
    return this.rules.create(clientId, validate(createRuleSchema, body));
  }

  @Get(':ruleId')
  @ApiOperation({ summary: 'Get a rule (legacy webhook)', operationId: 'get-rule' })
  @ApiParam(ID)
  @ApiResult(200, RULE_SCHEMA)
  get(@ClientId() clientId: string, @Param('ruleId') id: string) {
    return this.rules.get(clientId, id);
  }

  @Delete(':ruleId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a rule (Ledgerlink extension)', operationId: 'delete-rule' })
  @ApiParam(ID)
  @ApiResult(204)
  async remove(@ClientId() clientId: string, @Param('ruleId') id: string) {
    await this.rules.remove(clientId, id);
  }
}
