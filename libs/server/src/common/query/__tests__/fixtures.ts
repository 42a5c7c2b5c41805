import { ApiError } from '../../errors';
import { compileQuery, parseQuery, SqlParams, columnSchema, jsonbSchema, type QuerySchema } from '..';

export const companySchema = columnSchema('Company', {
  name: { type: 'string', sql: 'c.name' },
  totalAmount: { type: 'number', sql: 'c.total_amount' },
  created: { type: 'date', sql: 'c.created' },
  isActive: { type: 'boolean', sql: 'c.is_active' },
  'dataConnections.status': {
    type: 'string',
    sql: 'dc.status',
    wrap: (p) => `EXISTS (SELECT 1 FROM connection dc WHERE dc.company_id = c.id AND ${p})`,
  },
});

export const invoiceSchema = jsonbSchema('Invoice', 'r.data', {
  modifiedDate: { type: 'date', sql: 'r.modified_date' },
  'metadata.isDeleted': { type: 'boolean', sql: 'r.is_deleted' },
});

export function compile(text: string, schema: QuerySchema = companySchema, params = new SqlParams()) {
  const sql = compileQuery(parseQuery(text), schema, params);
  return { sql, values: params.values };
}

/** Runs `fn` and returns the ApiError it throws (fails the test otherwise). */
export function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}
