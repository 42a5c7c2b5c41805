import { ApiError, notFound } from '../common/errors/api-error';

/**
 * The 404 for a company that does not exist or belongs to another client (the two answer alike).
 * CompanyService.requireCompany throws it, and so does every gate that checks a company in its own query.
 */
export const companyNotFound = (companyId: string): ApiError => notFound(`No company was found with ID ${companyId}`, { service: 'ClientsApi', code: 'company.not_found' });
