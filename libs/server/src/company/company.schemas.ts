import { z } from 'zod';

/** Characters the contract allows in a company name; anything else is stripped, not rejected. */
const FORBIDDEN_NAME_CHARS = /[^A-Za-z0-9\s\-',&@.?!]/g;

export function sanitizeCompanyName(raw: string): string {
  return raw.replace(FORBIDDEN_NAME_CHARS, '').replace(/\s+/g, ' ').trim();
}

const name = z
  .string({ error: 'name is required and must be a string' })
  .max(1000)
  .transform(sanitizeCompanyName)
  .pipe(z.string().min(1, 'name must contain at least one allowed character (letters, digits, spaces and - \' , & @ . ? !)').max(255));

export const tagsSchema = z
  .record(z.string().min(1, 'tag keys must be 1 to 27 characters').max(27, 'tag keys must be 1 to 27 characters'), z.string().max(100, 'tag values must be at most 100 characters'))
  .refine((t) => Object.keys(t).length <= 10, 'a company can have at most 10 tags');

const description = z.string().max(2000);

/** POST /companies and PUT /companies/{id}: missing optional fields are cleared on PUT. */
export const companyRequestSchema = z.object({
  name,
  description: description.nullish(),
  tags: tagsSchema.nullish(),
});

/** PATCH /companies/{id}: every field optional; null or missing leaves it unchanged. */
export const companyUpdateSchema = z.object({
  name: name.nullish(),
  description: description.nullish(),
  tags: tagsSchema.nullish(),
});

export type CompanyRequest = z.infer<typeof companyRequestSchema>;
export type CompanyUpdate = z.infer<typeof companyUpdateSchema>;
