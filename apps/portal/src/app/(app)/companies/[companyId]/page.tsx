import type { Metadata } from 'next';
import Link from 'next/link';
import { connectionsSummary, formatDateTime } from '../../../../lib/format';
import { StatusBadge } from '../status-badge';
import { DataSync } from './data-sync';
import { companyOrLeave, loadCompany } from './load-company';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ companyId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const result = await loadCompany((await params).companyId);
  return { title: typeof result === 'object' ? result.name : 'Company' };
}

export default async function CompanyPage({ params }: Params) {
  const company = await companyOrLeave(params);
  const tags = Object.entries(company.tags ?? {});
  const conns = connectionsSummary(company.dataConnections);
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link href="/companies">Companies</Link>
          </li>
          <li aria-current="page">{company.name}</li>
        </ol>
      </nav>
      <div className="page-head">
        <h1 data-testid="company-name">{company.name}</h1>
        <StatusBadge status={company.status} />
      </div>

      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <dl className="details" data-testid="company-details">
          <dt>ID</dt>
          <dd>
            <code data-testid="company-id">{company.id}</code>
          </dd>
          <dt>Name</dt>
          <dd>{company.name}</dd>
          <dt>Description</dt>
          <dd>{company.description ? company.description : <span className="muted">None</span>}</dd>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={company.status} />
          </dd>
          <dt>Link URL</dt>
          <dd>
            <a href={company.redirect} className="break" data-testid="company-redirect">
              {company.redirect}
            </a>
            <p className="hint">Send this to the company so they can connect their accounting platform.</p>
          </dd>
          <dt>Created</dt>
          <dd>
            <time dateTime={company.created}>{formatDateTime(company.created)}</time>
            {company.createdByUserName ? <span className="muted"> by {company.createdByUserName}</span> : null}
          </dd>
          {company.lastSync ? (
            <>
              <dt>Last sync</dt>
              <dd>
                <time dateTime={company.lastSync}>{formatDateTime(company.lastSync)}</time>
              </dd>
            </>
          ) : null}
          <dt>Tags</dt>
          <dd>
            {tags.length === 0 ? (
              <span className="muted">None</span>
            ) : (
              <ul className="tags" aria-label="Tags">
                {tags.map(([k, v]) => (
                  <li key={k} className="tag">
                    <span className="tag-key">{k}</span>
                    <span className="tag-value">{v}</span>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="connections-heading">
        <h2 id="connections-heading">
          Connections <span className="muted">({conns.count})</span>
        </h2>
        {company.dataConnections.length === 0 ? (
          <p className="empty">No connections yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="connections-table">
              <caption className="visually-hidden">Connections of {company.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Platform</th>
                  <th scope="col">Status</th>
                  <th scope="col">Type</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last sync</th>
                  <th scope="col">ID</th>
                </tr>
              </thead>
              <tbody>
                {company.dataConnections.map((c) => (
                  <tr key={c.id}>
                    <td>{c.platformName}</td>
                    <td>
                      <StatusBadge status={c.status} />
                    </td>
                    <td>{c.sourceType}</td>
                    <td>
                      <time dateTime={c.created}>{formatDateTime(c.created)}</time>
                    </td>
                    <td>{c.lastSync ? <time dateTime={c.lastSync}>{formatDateTime(c.lastSync)}</time> : <span className="muted">Never</span>}</td>
                    <td>
                      <code>{c.id}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <DataSync companyId={company.id} />
    </>
  );
}
