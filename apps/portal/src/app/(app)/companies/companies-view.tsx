'use client';
import type { Company } from '@ledgerlink/models';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useId, useState } from 'react';
import { connectionsSummary, formatDateTime, pageInfo, type CompanyRow } from '../../../lib/format';
import { useTRPC } from '../../../lib/trpc';
import { CreateCompanyForm } from './create-company-form';
import { StatusBadge } from './status-badge';
import { useDebouncedValue } from './use-debounced-value';
import { Pager } from '../pager';
import { LoadError } from '../error-box';

export const PAGE_SIZE = 20;
export const SEARCH_DEBOUNCE_MS = 300;

export function CompaniesView({ debounceMs = SEARCH_DEBOUNCE_MS }: { debounceMs?: number }) {
  const trpc = useTRPC();
  const searchId = useId();
  const [searchInput, setSearchInput] = useState('');
  const [page, setPage] = useState(1);
  const [created, setCreated] = useState<Pick<Company, 'id' | 'name'> | null>(null);
  const search = useDebouncedValue(searchInput.trim(), debounceMs);

  const list = useQuery({
    ...trpc.companies.list.queryOptions({ page, pageSize: PAGE_SIZE, search: search || undefined }),
    placeholderData: keepPreviousData,
  });
  const data = list.data;
  const info = data ? pageInfo(data) : null;

  const onCreated = (company: Company) => {
    setCreated({ id: company.id, name: company.name });
    // Newest first: clearing the search and going to page 1 shows the new company at the top.
    setSearchInput('');
    setPage(1);
  };

  return (
    <>
      <div className="page-head">
        <h1>Companies</h1>
        <p className="muted">The businesses whose accounting platforms you link through Ledgerlink.</p>
      </div>

      <CreateCompanyForm onCreated={onCreated} />

      {created ? (
        <p className="success-box" role="status" data-testid="create-success">
          Created <Link href={`/companies/${created.id}`}>{created.name}</Link>.
        </p>
      ) : null}

      <section className="card" aria-labelledby="companies-list-heading">
        <div className="list-toolbar">
          <h2 id="companies-list-heading">All companies</h2>
          <div className="search">
            <label htmlFor={searchId}>Search by name</label>
            <input
              id={searchId}
              type="search"
              value={searchInput}
              maxLength={200}
              placeholder="Company name"
              onChange={(e) => {
                setSearchInput(e.target.value);
                setPage(1);
              }}
            />
          </div>
        </div>

        {list.isError && !data ? (
          <LoadError what="companies" error={list.error} onRetry={() => list.refetch()} />
        ) : null}

        {!data && list.isPending ? (
          <p role="status" className="muted">
            Loading companies…
          </p>
        ) : null}

        {data && info ? (
          <>
            {data.results.length === 0 ? (
              <p className="empty" data-testid="companies-empty">
                {search ? `No companies match “${search}”.` : 'No companies yet. Create the first one above.'}
              </p>
            ) : (
              <div className="table-wrap">
                <table className="table" data-testid="companies-table" aria-busy={list.isFetching}>
                  <caption className="visually-hidden">
                    Companies, {info.pageText.toLowerCase()}
                    {search ? `, matching “${search}”` : ''}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Status</th>
                      <th scope="col">Connections</th>
                      <th scope="col">Created</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.results.map((c) => (
                      <CompanyTableRow key={c.id} company={c} />
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Pager label="Pagination" info={info} busy={list.isFetching} onPage={setPage} pageTextTestId="paging-text" totalTestId="total-count" />
          </>
        ) : null}
      </section>
    </>
  );
}

function CompanyTableRow({ company }: { company: CompanyRow }) {
  const conns = connectionsSummary(company.dataConnections);
  return (
    <tr>
      <td>
        <Link href={`/companies/${company.id}`} className="strong-link">
          {company.name}
        </Link>
      </td>
      <td>
        <StatusBadge status={company.status} />
      </td>
      <td>
        {conns.count === 0 ? (
          <span className="muted">None</span>
        ) : (
          <>
            <span className="count">{conns.count}</span> <span className="muted">{conns.platforms}</span>
          </>
        )}
      </td>
      <td>
        <time dateTime={company.created}>{formatDateTime(company.created)}</time>
      </td>
    </tr>
  );
}
