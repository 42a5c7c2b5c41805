import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ClientId } from '../auth/api-key.guard';
import { badRequest, notFound } from '../common/errors/api-error';
import { ApiResult, PAGING_QUERY, pagedSchema } from '../common/http/openapi';
import { parsePaging } from '../common/paging';
import { PullService } from './pull.service';
import { DATA_TYPE_BY_PATH, RecordsService } from './records.service';

const PULL_OPERATION = {
  type: 'object',
  required: ['id', 'companyId', 'connectionId', 'dataType', 'status', 'requested', 'progress', 'isCompleted', 'isErrored'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    companyId: { type: 'string', format: 'uuid' },
    connectionId: { type: 'string', format: 'uuid' },
    dataType: { type: 'string' },
    status: { type: 'string' },
    statusDescription: { type: 'string' },
    errorMessage: { type: 'string' },
    requested: { type: 'string', format: 'date-time' },
    completed: { type: 'string', format: 'date-time' },
    progress: { type: 'integer' },
    isCompleted: { type: 'boolean' },
    isErrored: { type: 'boolean' },
  },
};
const RECORD = { type: 'object', additionalProperties: true, properties: { id: { type: 'string' }, modifiedDate: { type: 'string' }, sourceModifiedDate: { type: 'string' }, metadata: { type: 'object', properties: { isDeleted: { type: 'boolean' } } } } };

function dataTypeOf(path: string) {
  const t = DATA_TYPE_BY_PATH.get(path);
  if (!t || t === 'company') throw notFound(`Cannot GET data/${path}: unknown data type path`);
  return t;
}

/** Refresh, history, status and the read API under /companies/{id}/data. Static routes come first. */
@ApiTags('Data')
@Controller('companies/:companyId')
export class DataController {
  constructor(
    private readonly pull: PullService,
    private readonly records: RecordsService,
  ) {}

  @Post('data/all')
  @HttpCode(204)
  @ApiOperation({ summary: 'Refresh all data types marked fetchOnFirstLink', operationId: 'refresh-all-data-types' })
  @ApiResult(204)
  async all(@ClientId() clientId: string, @Param('companyId') companyId: string) {
    await this.pull.queueAll(clientId, companyId, 'all');
  }

  @Post('data/queue/:dataType')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refresh one data type', operationId: 'refresh-data-type' })
  @ApiQuery({ name: 'connectionId', required: false, schema: { type: 'string', format: 'uuid' } })
  @ApiResult(200, PULL_OPERATION)
  queue(@ClientId() clientId: string, @Param('companyId') companyId: string, @Param('dataType') dataType: string, @Query('connectionId') connectionId?: unknown) {
    if (connectionId !== undefined && typeof connectionId !== 'string') throw badRequest('connectionId must be a single uuid');
    return this.pull.queueDataType(clientId, companyId, dataType, connectionId || undefined);
  }

  @Get('dataStatus')
  @ApiOperation({ summary: 'Data status per data type', operationId: 'get-companies-data-status' })
  @ApiResult(200, { type: 'object', additionalProperties: { type: 'object' } })
  status(@ClientId() clientId: string, @Param('companyId') companyId: string) {
    return this.pull.dataStatus(clientId, companyId);
  }

  @Get('data/history')
  @ApiOperation({ summary: 'Pull operations (datasets)', operationId: 'list-pull-operations' })
  @ApiQuery(PAGING_QUERY[0])
  @ApiQuery(PAGING_QUERY[1])
  @ApiQuery(PAGING_QUERY[2])
  @ApiQuery(PAGING_QUERY[3])
  @ApiResult(200, pagedSchema(PULL_OPERATION))
  history(@ClientId() clientId: string, @Param('companyId') companyId: string, @Query() raw: Record<string, unknown>) {
    return this.pull.history(clientId, companyId, parsePaging(raw));
  }

  @Get('data/history/:datasetId')
  @ApiOperation({ summary: 'One pull operation', operationId: 'get-pull-operation' })
  @ApiResult(200, PULL_OPERATION)
  historyOne(@ClientId() clientId: string, @Param('companyId') companyId: string, @Param('datasetId') datasetId: string) {
    return this.pull.get(clientId, companyId, datasetId);
  }

  @Get('data/info')
  @ApiOperation({ summary: 'Company info from the accounting software', operationId: 'get-company-info' })
  @ApiResult(200, { type: 'object' }, [401, 404, 409])
  info(@ClientId() clientId: string, @Param('companyId') companyId: string) {
    return this.records.info(clientId, companyId);
  }

  @Post('data/info')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refresh company info', operationId: 'refresh-company-info' })
  @ApiResult(200, PULL_OPERATION)
  refreshInfo(@ClientId() clientId: string, @Param('companyId') companyId: string) {
    return this.pull.queueDataType(clientId, companyId, 'company');
  }

  @Get('data/:path')
  @ApiOperation({ summary: 'List records of a data type (accounts, customers, suppliers, invoices, bills, payments, billPayments, taxRates, journalEntries)', operationId: 'list-records' })
  @ApiParam({ name: 'path', enum: [...DATA_TYPE_BY_PATH.keys()].filter((p) => p !== 'info') })
  @ApiQuery(PAGING_QUERY[0])
  @ApiQuery(PAGING_QUERY[1])
  @ApiQuery(PAGING_QUERY[2])
  @ApiQuery(PAGING_QUERY[3])
  @ApiResult(200, pagedSchema(RECORD), [400, 401, 404, 409])
  async list(@ClientId() clientId: string, @Param('companyId') companyId: string, @Param('path') path: string, @Query() raw: Record<string, unknown>, @Res() res: Response) {
    // The service returns the page already serialised (see RecordsService.list); `end`, not `send`,
    // skips Express's ETag hashing of a large body that is rarely requested twice.
    const body = await this.records.list(clientId, companyId, dataTypeOf(path), parsePaging(raw));
    res.status(200).type('application/json').setHeader('Content-Length', Buffer.byteLength(body));
    res.end(body);
  }

  @Get('data/:path/:recordId')
  @ApiOperation({ summary: 'Get one record', operationId: 'get-record' })
  @ApiResult(200, RECORD, [401, 404, 409])
  one(@ClientId() clientId: string, @Param('companyId') companyId: string, @Param('path') path: string, @Param('recordId') recordId: string) {
    return this.records.get(clientId, companyId, dataTypeOf(path), recordId);
  }
}
