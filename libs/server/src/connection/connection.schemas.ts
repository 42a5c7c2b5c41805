import { z } from 'zod';

export const createConnectionSchema = z.object({
  platformKey: z.string({ error: 'platformKey is required and must be a string' }).min(1).max(100),
});

export const updateConnectionSchema = z.object({
  status: z.literal('Unlinked', { error: 'status must be "Unlinked"' }),
});

/** Platform-specific credentials: a flat map of strings (contract section 3). */
export const credentialsSchema = z
  .record(z.string().min(1).max(100), z.string({ error: 'credential values must be strings' }).max(4096))
  .refine((c) => Object.keys(c).length <= 50, 'at most 50 credential fields');
