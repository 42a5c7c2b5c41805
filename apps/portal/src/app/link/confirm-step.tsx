'use client';
import { useState } from 'react';
import type { LinkConnection, LinkIntegration } from './link-types';
import { PlatformLogo } from './platform-logo';
import { ConnectionBadge } from './status-badges';

export interface ConfirmStepProps {
  companyName: string;
  connection: LinkConnection;
  integration?: LinkIntegration;
  onLinkAnother: (platformKey: string) => void;
  onStartOver: () => void;
}

type Answer = 'none' | 'yes' | 'no';

/**
 * Step 3 (seed 003's confirmation page): the company name the books report, so the person can
 * check they linked the right account, then a clear done state.
 */
export function ConfirmStep({ companyName, connection, integration, onLinkAnother, onStartOver }: ConfirmStepProps) {
  const [answer, setAnswer] = useState<Answer>('none');
  const booksName = connection.companyName;

  return (
    <>
      <section className="card confirm-card" aria-labelledby="confirm-heading" data-testid="link-confirmation">
        <div className="platform-head">
          {integration ? <PlatformLogo platformKey={integration.key} name={integration.name} logoUrl={integration.logoUrl} size={40} /> : null}
          <div className="platform-title">
            <p className="platform-name" data-testid="confirm-platform">
              {connection.platformName}
            </p>
            <ConnectionBadge status={connection.status} />
          </div>
        </div>
        <p id="confirm-heading" className="confirm-text" data-testid="confirm-text">
          {booksName ? (
            <>
              Linked to <strong data-testid="books-company-name">{booksName}</strong>.
            </>
          ) : (
            <>Linked to your {connection.platformName} account.</>
          )}{' '}
          Is this the right company?
        </p>
        <p className="muted">
          {booksName ? `This is the company name in your ${connection.platformName} books.` : `${connection.platformName} did not report a company name.`}
        </p>
        {answer === 'none' ? (
          <div className="link-actions">
            <button type="button" className="button button-primary" onClick={() => setAnswer('yes')} data-testid="confirm-yes">
              Yes, this is the right company
            </button>
            <button type="button" className="button" onClick={() => setAnswer('no')} data-testid="confirm-no">
              No, this is not right
            </button>
          </div>
        ) : null}
      </section>

      {answer === 'yes' ? (
        <section className="success-box done-box" role="status" data-testid="link-done">
          <h3>You’re all set</h3>
          <p>
            {companyName} is linked to {connection.platformName}
            {booksName ? ` (${booksName})` : ''}. Ledgerlink will now start reading your accounting data; you don’t need to do anything else.
          </p>
          <p>You can close this window.</p>
          <button type="button" className="button" onClick={onStartOver}>
            Connect other software
          </button>
        </section>
      ) : null}

      {answer === 'no' ? (
        <section className="notice-box wrong-box" role="status" data-testid="link-wrong">
          <h3>Link the right account</h3>
          <p>
            Sign in to {connection.platformName} with the account that holds the right company, or point the connector at the right books. Tell the person
            who sent you this link that {booksName ? `“${booksName}”` : 'this account'} was linked by mistake so they can remove it.
          </p>
          <div className="link-actions">
            {integration ? (
              <button type="button" className="button button-primary" onClick={() => onLinkAnother(integration.key)} data-testid="link-different">
                Connect a different {integration.name} account
              </button>
            ) : null}
            <button type="button" className="button" onClick={() => setAnswer('none')}>
              Back
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}
