import type { Company } from '@ledgerlink/models';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { serverApi, trpcErrorCode } from '../../../../lib/server-api';

/** One API call per request, shared by generateMetadata and the page. */
export const loadCompany = cache(async (companyId: string): Promise<Company | 'not-found' | 'signed-out'> => {
  try {
    return await serverApi().companies.get.query({ companyId });
  } catch (err) {
    const code = trpcErrorCode(err);
    if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') return 'not-found';
    if (code === 'UNAUTHORIZED') return 'signed-out';
    throw err;
  }
});

export async function companyOrLeave(params: Promise<{ companyId: string }>): Promise<Company> {
  const result = await loadCompany((await params).companyId);
  if (result === 'not-found') notFound();
  if (result === 'signed-out') redirect('/signin');
  return result;
}
