import type { Metadata } from 'next';
import Link from 'next/link';
import { companyOrLeave, loadCompany } from '../load-company';
import { CompanySyncSettings } from './company-sync-settings';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ companyId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const result = await loadCompany((await params).companyId);
  return { title: typeof result === 'object' ? `Sync settings · ${result.name}` : 'Sync settings' };
}

export default async function CompanySyncSettingsPage({ params }: Params) {
  const company = await companyOrLeave(params);
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link href="/companies">Companies</Link>
          </li>
          <li>
            <Link href={`/companies/${company.id}`}>{company.name}</Link>
          </li>
          <li aria-current="page">Sync settings</li>
        </ol>
      </nav>
      <div className="page-head">
        <h1>Sync settings for {company.name}</h1>
        <p className="muted">
          What applies to this company: its own overrides over the <Link href="/settings/sync">default sync settings</Link>, and when its scheduled syncs run.
        </p>
      </div>
      <CompanySyncSettings companyId={company.id} />
    </>
  );
}
