import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

/** The contract's error body, referenced by every error response in the OpenAPI document. */
export const ERROR_BODY_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['statusCode', 'service', 'error', 'correlationId', 'canBeRetried', 'detailedErrorCode'],
  properties: {
    statusCode: { type: 'integer' },
    service: { type: 'string' },
    error: { type: 'string' },
    correlationId: { type: 'string' },
    validation: {
      type: 'object',
      properties: {
        errors: { type: 'array', items: { type: 'object', properties: { itemId: { type: 'string' }, message: { type: 'string' }, validatorName: { type: 'string' } } } },
        warnings: { type: 'array', items: { type: 'object' } },
      },
    },
    canBeRetried: { type: 'string', enum: ['Unknown', 'True', 'False'] },
    detailedErrorCode: { type: 'integer' },
  },
};

export function pagedSchema(item: JsonSchema): JsonSchema {
  const link = { type: 'object', properties: { href: { type: 'string' } } };
  return {
    type: 'object',
    required: ['pageNumber', 'pageSize', 'totalResults', '_links'],
    properties: {
      results: { type: 'array', items: item },
      pageNumber: { type: 'integer' },
      pageSize: { type: 'integer' },
      totalResults: { type: 'integer' },
      _links: { type: 'object', required: ['self', 'current'], properties: { self: link, current: link, next: link, previous: link } },
    },
  };
}

/** Request body documented from the same zod schema that validates it. */
export const ApiBodySchema = (schema: z.ZodType) =>
  ApiBody({ schema: z.toJSONSchema(schema, { target: 'openapi-3.0', unrepresentable: 'any', io: 'input' }) as JsonSchema });

/** A success response plus the contract's error responses. */
export const ApiResult = (status: number, schema?: JsonSchema, errors: number[] = [400, 401, 404]) =>
  applyDecorators(
    ApiResponse({ status, ...(schema ? { schema } : { description: 'No content' }) }),
    ...errors.map((s) => ApiResponse({ status: s, schema: ERROR_BODY_SCHEMA, description: 'Error body' })),
  );

export const PAGING_QUERY = [
  { name: 'page', required: false, schema: { type: 'integer', minimum: 1, default: 1 } },
  { name: 'pageSize', required: false, schema: { type: 'integer', minimum: 1, maximum: 5000, default: 100 } },
  { name: 'query', required: false, schema: { type: 'string', maxLength: 2048 } },
  { name: 'orderBy', required: false, schema: { type: 'string' } },
];
