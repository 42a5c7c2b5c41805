'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../lib/errors';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { AuthorizeStep } from './authorize-step';
import { ChooseStep } from './choose-step';
import { ConfirmStep } from './confirm-step';
import type { CredentialValues } from './credentials';
import { locationFromSearch, resolveStep, searchFor, STEP_TITLES, stepNumber, withConnection, withLinked, type LinkLocation } from './flow';
import type { LinkIntegration, LinkView } from './link-types';
import { CompanyStatusBadge } from './status-badges';

export interface LinkFlowProps {
  initialView: LinkView;
  initialLocation: LinkLocation;
}

interface Attempt {
  integration: LinkIntegration;
  /** Set when the URL names the connection (a connection's own link URL, or a retry). */
  connectionId?: string;
  credentials: CredentialValues;
}

/**
 * The hosted link flow for one company: choose a platform, authorise it, confirm the company
 * the books report. The URL holds the step (see flow.ts), so reloading or sharing keeps it.
 */
export function LinkFlow({ initialView, initialLocation }: LinkFlowProps) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const companyId = initialView.company.id;
  const viewOptions = trpc.link.get.queryOptions({ companyId });
  const viewQuery = useQuery({ ...viewOptions, initialData: initialView, staleTime: 30_000 });
  const view = viewQuery.data;

  const [loc, setLoc] = useState<LinkLocation>(initialLocation);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // Back and forward between steps.
  useEffect(() => {
    const onPop = () => {
      moved.current = true;
      setLoc(locationFromSearch(window.location.search));
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const go = (next: LinkLocation, mode: 'push' | 'replace' = 'push') => {
    moved.current = true;
    setLoc(next);
    const url = `${window.location.pathname}${searchFor(next)}`;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  };

  const link = useMutation({
    mutationFn: async ({ integration, connectionId, credentials }: Attempt) => {
      let id = connectionId;
      if (!id) {
        const started = await client.link.start.mutate({ companyId, platformKey: integration.key });
        queryClient.setQueryData(viewOptions.queryKey, (old) => (old ? withConnection(old, started) : old));
        id = started.id;
        // From here the URL names this connection: a retry or a reload continues with it.
        go({ connection: id }, 'replace');
      }
      return client.link.authorize.mutate({ companyId, connectionId: id, credentials });
    },
    onSuccess: (linked) => {
      queryClient.setQueryData(viewOptions.queryKey, (old) => (old ? withLinked(old, linked) : old));
      go({ connection: linked.id }, 'replace');
    },
    // Success or failure, the company status and the connection's error change on the server.
    onSettled: () => queryClient.invalidateQueries({ queryKey: viewOptions.queryKey }),
  });

  const flow = resolveStep(view, loc);
  const n = stepNumber(flow.step);

  // Moving between steps moves focus to the new step's heading (not on first load).
  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [flow.step]);

  const reset = () => link.reset();
  const stepHeading =
    flow.step === 'choose'
      ? 'Connect your accounting software'
      : flow.step === 'authorize'
        ? `Connect ${flow.integration.name}`
        : 'Confirm your company';

  return (
    <>
      <header className="link-company card" aria-label="Company">
        <div>
          <p className="muted link-company-label">Linking accounting software for</p>
          <p className="link-company-name" data-testid="link-company-name">
            {view.company.name}
          </p>
        </div>
        <CompanyStatusBadge status={view.company.status} />
      </header>

      <nav aria-label="Progress" className="link-steps-nav">
        <ol className="link-steps">
          {STEP_TITLES.map((title, index) => {
            const number = index + 1;
            const state = number < n ? 'done' : number === n ? 'current' : 'todo';
            return (
              <li key={title} className={`link-step link-step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
                <span className="link-step-number" aria-hidden="true">
                  {state === 'done' ? '✓' : number}
                </span>
                <span>
                  <span className="visually-hidden">Step {number}: </span>
                  {title}
                  {state === 'done' ? <span className="visually-hidden"> (done)</span> : null}
                </span>
              </li>
            );
          })}
        </ol>
      </nav>

      <h1 ref={heading} tabIndex={-1} className="link-heading" data-testid="link-step-heading" data-step={flow.step}>
        {stepHeading}
      </h1>

      {flow.step === 'choose' ? (
        <ChooseStep
          view={view}
          notice={flow.notice}
          onChoose={(key) => {
            reset();
            go({ platform: key });
          }}
          onOpenConnection={(id) => {
            reset();
            go({ connection: id });
          }}
        />
      ) : null}

      {flow.step === 'authorize' ? (
        <AuthorizeStep
          companyId={companyId}
          integration={flow.integration}
          connection={flow.connection}
          pending={link.isPending}
          error={link.isError ? errorMessage(link.error) : undefined}
          onSubmit={(credentials) => link.mutate({ integration: flow.integration, connectionId: loc.connection, credentials })}
          onBack={() => {
            reset();
            go({});
          }}
          onCheckAgain={() => void viewQuery.refetch()}
          checking={viewQuery.isFetching}
        />
      ) : null}

      {flow.step === 'confirm' ? (
        <ConfirmStep
          key={flow.connection.id}
          companyName={view.company.name}
          connection={flow.connection}
          integration={flow.integration}
          onLinkAnother={(key) => go({ platform: key })}
          onStartOver={() => go({})}
        />
      ) : null}

      <aside className="link-help" aria-labelledby="help-heading" data-testid="link-help">
        <h2 id="help-heading">Need help?</h2>
        <p>
          Not sure which software you use, or something is not working? Contact the person who sent you this link: they can see the state of your
          connection in Ledgerlink and send you a new link if needed.
        </p>
        <p>
          Ledgerlink only accesses the data described for each platform, and stores the details you enter encrypted. Keep this link to yourself: anyone who has it can
          connect software for {view.company.name}.
        </p>
      </aside>
    </>
  );
}
