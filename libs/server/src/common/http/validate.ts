import type { z } from 'zod';
import { badRequest, type ValidationItem } from '../errors/api-error';

/**
 * Validates outside input against a zod schema. Failures become a 400 in the contract's shape,
 * naming each offending field in `validation.errors`.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown, what = 'request body'): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors: ValidationItem[] = result.error.issues.map((issue) => ({
    itemId: issue.path.length ? issue.path.join('.') : what,
    message: issue.message,
    validatorName: what,
  }));
  const summary = errors.map((e) => (e.itemId === what ? e.message : `${e.itemId}: ${e.message}`)).join('; ');
  throw badRequest(`Invalid ${what}: ${summary}`, { validation: { errors, warnings: [] } });
}
