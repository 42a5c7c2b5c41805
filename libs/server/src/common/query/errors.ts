import { badRequest } from '../errors';

/** Every query/orderBy error shares the contract's `Error parsing query - ` prefix (section 1.4). */
export const queryError = (detail: string) => badRequest(`Error parsing query - ${detail}`, { code: 'query.invalid' });

export const malformedQuery = () => queryError('Malformed query.');

export const unresolvedProperty = (property: string, entityName: string) =>
  queryError(`Could not resolve property ${property} on ${entityName}`);
