import { CopyButton } from './copy-button';
import { CredentialsForm } from './credentials-form';
import type { CredentialValues } from './credentials';
import type { LinkConnection, LinkIntegration } from './link-types';
import { PlatformLogo } from './platform-logo';

export interface AuthorizeStepProps {
  companyId: string;
  integration: LinkIntegration;
  /** The unfinished connection being authorised, if there is one already. */
  connection?: LinkConnection;
  pending: boolean;
  /** This attempt's failure, as the API words it. */
  error?: string;
  onSubmit: (credentials: CredentialValues) => void;
  onBack: () => void;
  onCheckAgain: () => void;
  checking: boolean;
}

/** Step 2: sign in to a cloud platform, or set up the on-premise connector. */
export function AuthorizeStep(props: AuthorizeStepProps) {
  const { integration: i, connection, error, onBack } = props;
  // A failure from an earlier visit (the connection stayed PendingAuth): shown until a new attempt.
  const earlier = !error && connection?.error ? connection.error : undefined;
  return (
    <>
      <div className="platform-head platform-head-large">
        <PlatformLogo platformKey={i.key} name={i.name} logoUrl={i.logoUrl} size={56} />
        <div className="platform-title">
          <p className="platform-name" data-testid="selected-platform">
            {i.name}
          </p>
          <p className="muted platform-kind">{i.isOfflineConnector ? 'On-premise connector' : 'Online connection'}</p>
        </div>
        <button type="button" className="button" onClick={onBack} data-testid="back-to-platforms">
          Choose different software
        </button>
      </div>

      {error ? (
        <div className="error-box" role="alert" data-testid="link-error">
          <p>
            <strong>Could not link {i.name}.</strong> {error}
          </p>
          <p className="muted-error">Check the details below and try again. Nothing has been linked yet.</p>
        </div>
      ) : null}
      {earlier ? (
        <p className="notice-box" role="status" data-testid="link-earlier-error">
          Your last attempt did not work: {earlier}
        </p>
      ) : null}

      {i.isOfflineConnector ? <OnPremise {...props} /> : <Cloud {...props} />}

      {i.dataAccessNotes.length ? (
        <details className="data-access-details">
          <summary>What Ledgerlink accesses, and why</summary>
          <ul>
            {i.dataAccessNotes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

function Cloud({ integration: i, pending, error, onSubmit }: AuthorizeStepProps) {
  return (
    <section className="card" aria-labelledby="cloud-heading">
      <h3 id="cloud-heading">Your {i.name} details</h3>
      <p className="muted">Ledgerlink checks these details with {i.name} straight away and keeps them encrypted.</p>
      <CredentialsForm
        key={i.key}
        title={`${i.name} details`}
        fields={i.credentialFields}
        submitLabel={`Connect ${i.name}`}
        pendingLabel="Connecting…"
        pending={pending}
        serverError={error}
        onSubmit={onSubmit}
      />
    </section>
  );
}

function OnPremise({ companyId, integration: i, pending, error, onSubmit, onCheckAgain, checking }: AuthorizeStepProps) {
  return (
    <>
      <p className="callout" data-testid="same-computer-note">
        <strong>Important:</strong> the Ledgerlink connector must be installed and run on the same computer as your {i.name} books.
      </p>

      <section className="card" aria-labelledby="license-heading">
        <h3 id="license-heading">1. Your license key</h3>
        <p className="muted">Enter this key in the connector when it asks for one. It is this company's id in Ledgerlink.</p>
        <div className="license-key">
          <code data-testid="license-key">
            {companyId}
          </code>
          <CopyButton text={companyId} label="Copy key" testId="copy-license-key" />
        </div>
      </section>

      <section className="card" aria-labelledby="setup-heading">
        <h3 id="setup-heading">2. Set up the connector</h3>
        {i.setupNotes.length ? (
          <ol className="setup-notes" data-testid="setup-notes">
            {i.setupNotes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ol>
        ) : (
          <p className="muted">Install the connector on the computer that holds your books, then start it and enter the license key above.</p>
        )}
      </section>

      <section className="card" aria-labelledby="finish-heading">
        <h3 id="finish-heading">3. Finish linking</h3>
        {i.credentialFields.length ? (
          <>
            <p className="muted">Tell Ledgerlink where the connector finds your books. Ledgerlink opens them to check, and reads the company name from them.</p>
            <CredentialsForm
              key={i.key}
              title={`${i.name} connector details`}
              fields={i.credentialFields}
              submitLabel="Finish linking"
              pendingLabel="Checking your books…"
              pending={pending}
              serverError={error}
              onSubmit={onSubmit}
            />
          </>
        ) : (
          <>
            <p className="muted">Once the connector is running with your license key, this page shows the company it found.</p>
            <button type="button" className="button button-primary" onClick={onCheckAgain} disabled={checking}>
              {checking ? 'Checking…' : 'Check again'}
            </button>
          </>
        )}
      </section>
    </>
  );
}
