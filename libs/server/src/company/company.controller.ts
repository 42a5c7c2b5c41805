import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ClientId } from '../auth/api-key.guard';
import { badRequest } from '../common/errors/api-error';
import { ApiBodySchema, ApiResult, PAGING_QUERY, pagedSchema } from '../common/http/openapi';
import { validate } from '../common/http/validate';
import { parsePaging } from '../common/paging';
import { COMPANY_SCHEMA } from './company.openapi';
import { companyRequestSchema, companyUpdateSchema } from './company.schemas';
import { CompanyService } from './company.service';

@ApiTags('Companies')
@Controller('companies')
export class CompanyController {
  constructor(private readonly companies: CompanyService) {}

  @Get()
  @ApiOperation({ summary: 'List companies', operationId: 'list-companies' })
  @ApiQuery(PAGING_QUERY[0])
  @ApiQuery(PAGING_QUERY[1])
  @ApiQuery(PAGING_QUERY[2])
  @ApiQuery(PAGING_QUERY[3])
  @ApiQuery({ name: 'tags', required: false, schema: { type: 'string' }, description: 'e.g. region=uk && team=invoice-finance' })
  @ApiResult(200, pagedSchema(COMPANY_SCHEMA), [400, 401])
  list(@ClientId() clientId: string, @Query() raw: Record<string, unknown>) {
    const { tags, ...rest } = raw;
    if (tags !== undefined && typeof tags !== 'string') throw badRequest('tags must be a single string');
    return this.companies.list(clientId, { ...parsePaging(rest), tags: tags || undefined });
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Create a company', operationId: 'create-company' })
  @ApiBodySchema(companyRequestSchema)
  @ApiResult(200, COMPANY_SCHEMA, [400, 401])
  create(@ClientId() clientId: string, @Body() body: unknown) {
    return this.companies.create(clientId, validate(companyRequestSchema, body));
  }

  @Get(':companyId')
  @ApiOperation({ summary: 'Get a company', operationId: 'get-company' })
  @ApiResult(200, COMPANY_SCHEMA)
  get(@ClientId() clientId: string, @Param('companyId') id: string) {
    return this.companies.get(clientId, id);
  }

  @Put(':companyId')
  @ApiOperation({ summary: 'Replace a company (missing optional fields are cleared)', operationId: 'replace-company' })
  @ApiBodySchema(companyRequestSchema)
  @ApiResult(200, COMPANY_SCHEMA)
  async replace(@ClientId() clientId: string, @Param('companyId') id: string, @Body() body: unknown) {
    await this.companies.requireCompany(clientId, id);
    return this.companies.replace(clientId, id, validate(companyRequestSchema, body));
  }

  @Patch(':companyId')
  @ApiOperation({ summary: 'Update a company (only the given fields change)', operationId: 'update-company' })
  @ApiBodySchema(companyUpdateSchema)
  @ApiResult(200, COMPANY_SCHEMA)
  async update(@ClientId() clientId: string, @Param('companyId') id: string, @Body() body: unknown) {
    await this.companies.requireCompany(clientId, id);
    return this.companies.update(clientId, id, validate(companyUpdateSchema, body ?? {}));
  }

  @Delete(':companyId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a company, its connections and its data', operationId: 'delete-company' })
  @ApiResult(204)
  async remove(@ClientId() clientId: string, @Param('companyId') id: string) {
    await this.companies.remove(clientId, id);
  }
}
