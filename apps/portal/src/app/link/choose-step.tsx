import { connectionsByPlatform } from './flow';
import type { LinkView } from './link-types';
import { PlatformLogo } from './platform-logo';
import { ConnectionBadge } from './status-badges';

export interface ChooseStepProps {
  view: LinkView;
  notice?: string;
  onChoose: (platformKey: string) => void;
  onOpenConnection: (connectionId: string) => void;
}

/** Step 1: the platforms this Ledgerlink offers, with what each one reads and why. */
export function ChooseStep({ view, notice, onChoose, onOpenConnection }: ChooseStepProps) {
  const byPlatform = connectionsByPlatform(view);
  const pendingConnections = view.connections.filter((c) => c.status !== 'Linked' && view.integrations.some((i) => i.key === c.platformKey));
  return (
    <>
      <p className="link-lead">
        Choose the software <strong>{view.company.name}</strong> keeps its books in. Next you will authorise Ledgerlink to access your accounting data. Linking itself changes nothing
        in your books.
      </p>
      {notice ? (
        <p className="notice-box" role="status" data-testid="link-notice">
          {notice}
        </p>
      ) : null}

      {pendingConnections.length > 0 ? (
        <section className="card" aria-labelledby="unfinished-heading" data-testid="unfinished-connections">
          <h3 id="unfinished-heading">Not finished yet</h3>
          <ul className="plain-list">
            {pendingConnections.map((c) => (
              <li key={c.id} className="unfinished">
                <span>
                  <strong>{c.platformName}</strong> <ConnectionBadge status={c.status} />
                  {c.error ? <span className="muted"> Last attempt: {c.error}</span> : null}
                </span>
                <button type="button" className="button" onClick={() => onOpenConnection(c.id)} aria-label={`Continue with ${c.platformName}`}>
                  Continue
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {view.integrations.length === 0 ? (
        <p className="empty card" data-testid="no-integrations">
          No accounting software can be connected here yet. Contact the person who sent you this link.
        </p>
      ) : (
        <ul className="platform-list" aria-label="Accounting software you can connect" data-testid="platform-list">
          {view.integrations.map((i) => {
            const mine = byPlatform.get(i.key);
            const linked = mine?.linked ?? [];
            const headingId = `platform-${i.key}-name`;
            return (
              <li key={i.key} className="platform-card card" aria-labelledby={headingId} data-testid={`platform-${i.key}`}>
                <div className="platform-head">
                  <PlatformLogo platformKey={i.key} name={i.name} logoUrl={i.logoUrl} />
                  <div className="platform-title">
                    <h3 id={headingId}>{i.name}</h3>
                    <p className="muted platform-kind">
                      {i.sourceType} · {i.isOfflineConnector ? 'On-premise: a connector runs on the computer that holds your books' : 'Online: connect with your account details'}
                    </p>
                  </div>
                  <button
                    type="button"
                    className={linked.length ? 'button' : 'button button-primary'}
                    onClick={() => onChoose(i.key)}
                    aria-label={`${linked.length ? 'Connect another' : 'Connect'} ${i.name}`}
                    data-testid={`choose-${i.key}`}
                  >
                    {linked.length ? 'Connect another' : 'Connect'}
                  </button>
                </div>
                {linked.length ? (
                  <p className="linked-note" data-testid={`linked-${i.key}`}>
                    <ConnectionBadge status="Linked" /> Already linked
                    {linked.some((c) => c.companyName) ? (
                      <>
                        {' '}
                        to{' '}
                        {linked
                          .map((c) => c.companyName)
                          .filter(Boolean)
                          .join(', ')}
                      </>
                    ) : null}
                    .
                  </p>
                ) : null}
                {i.dataAccessNotes.length ? (
                  <div className="data-access">
                    <h4>What Ledgerlink accesses, and why</h4>
                    <ul>
                      {i.dataAccessNotes.map((n) => (
                        <li key={n}>{n}</li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
