import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeApi, type FakeCall, type FakeReply } from '../../../specs/fake-api';
import { Providers } from '../providers';
import { CredentialsForm } from './credentials-form';
import type { LinkLocation } from './flow';
import { LinkFlow } from './link-flow';
import type { CredentialField, LinkView } from './link-types';

const COMPANY = '7b1f6c2e-1a2b-4c3d-8e4f-0123456789ab';
const CONN = '11111111-1111-4111-8111-111111111111';

const SANDBOX_FIELDS: CredentialField[] = [
  { name: 'companyName', label: 'Company name', type: 'text', required: false, description: 'Defaults to Sandbox Trading Ltd' },
  { name: 'seed', label: 'Seed', type: 'number', required: false },
  { name: 'volume', label: 'Records per data type', type: 'number', required: false },
];

const TRYTON_FIELDS: CredentialField[] = [
  { name: 'serverUrl', label: 'Server URL', type: 'url', required: true, description: 'Where trytond answers' },
  { name: 'database', label: 'Database', type: 'text', required: true },
  { name: 'username', label: 'Username', type: 'text', required: true },
  { name: 'password', label: 'Password', type: 'password', required: true },
];

function makeView(): LinkView {
  return {
    company: { id: COMPANY, name: 'Acme Ltd', status: 'Blank' },
    integrations: [
      {
        key: 'sbox',
        name: 'Ledgerlink Sandbox',
        logoUrl: 'http://api.test/integrations/sbox/logo.svg',
        sourceType: 'Accounting',
        isOfflineConnector: false,
        credentialFields: SANDBOX_FIELDS,
        dataAccessNotes: ['Reads a generated demo company.', 'Nothing leaves this server.'],
        setupNotes: [],
      },
      {
        key: 'tryt',
        name: 'Tryton',
        logoUrl: 'http://api.test/integrations/tryt/logo.svg',
        sourceType: 'Accounting',
        isOfflineConnector: false,
        credentialFields: TRYTON_FIELDS,
        dataAccessNotes: ['Reads accounts and invoices.'],
        setupNotes: [],
      },
      {
        key: 'gncs',
        name: 'GnuCash',
        logoUrl: 'http://api.test/integrations/gncs/logo.svg',
        sourceType: 'Accounting',
        isOfflineConnector: true,
        credentialFields: [{ name: 'bookPath', label: 'Book file', type: 'text', required: true, description: 'The full path of your .gnucash file' }],
        dataAccessNotes: ['Reads the book file.'],
        setupNotes: ['Close GnuCash before the first sync.', 'The connector must run on the same computer as the book.'],
      },
    ],
    connections: [],
  };
}

/** A tiny stand-in for the API's link procedures, keeping state like the real service. */
function makeServer(view: LinkView, authorize?: (creds: Record<string, string>) => FakeReply | undefined) {
  return (call: FakeCall): FakeReply => {
    const input = call.input as { platformKey?: string; connectionId?: string; credentials?: Record<string, string> };
    if (call.path === 'link.get') return { data: view };
    if (call.path === 'link.start') {
      const i = view.integrations.find((x) => x.key === input.platformKey);
      if (!i) return { error: { message: 'Unknown platform', code: 'BAD_REQUEST', httpStatus: 400 } };
      const existing = view.connections.find((c) => c.platformKey === i.key && c.status !== 'Linked');
      const conn = existing ?? { id: CONN, platformKey: i.key, platformName: i.name, status: 'PendingAuth' as const };
      if (!existing) view.connections.push(conn);
      view.company.status = view.company.status === 'Linked' ? 'Linked' : 'PendingAuth';
      return { data: conn };
    }
    if (call.path === 'link.authorize') {
      const conn = view.connections.find((c) => c.id === input.connectionId);
      if (!conn) return { error: { message: 'Connection not found', code: 'NOT_FOUND', httpStatus: 404 } };
      const fail = authorize?.(input.credentials ?? {});
      if (fail && 'error' in fail) {
        conn.error = fail.error.message.replace(/^Authorization failed: /, '');
        return fail;
      }
      conn.status = 'Linked';
      conn.companyName = input.credentials?.['companyName'] ?? 'Sandbox Trading Ltd';
      delete conn.error;
      view.company.status = 'Linked';
      return { data: { id: conn.id, platformKey: conn.platformKey, platformName: conn.platformName, status: 'Linked', companyName: conn.companyName } };
    }
    return { error: { message: 'No such procedure', code: 'NOT_FOUND', httpStatus: 404 } };
  };
}

function renderFlow(view: LinkView, opts: { location?: LinkLocation; authorize?: (creds: Record<string, string>) => FakeReply | undefined } = {}) {
  const server = makeServer(view, opts.authorize);
  const api = fakeApi(server);
  render(
    <Providers client={api.client}>
      <LinkFlow initialView={structuredClone(view)} initialLocation={opts.location ?? {}} />
    </Providers>,
  );
  return api;
}

const heading = () => screen.getByTestId('link-step-heading');
const paths = (calls: FakeCall[]) => calls.map((c) => c.path);

beforeEach(() => {
  window.history.replaceState(null, '', `/link/${COMPANY}`);
});

describe('LinkFlow step 1', () => {
  it('lists the platforms with logo, name, data-access notes, the company status and help', () => {
    renderFlow(makeView());
    expect(heading().textContent).toBe('Connect your accounting software');
    expect(screen.getByTestId('link-company-name').textContent).toBe('Acme Ltd');
    expect(screen.getByTestId('company-status').getAttribute('data-status')).toBe('Blank');

    const list = screen.getByRole('list', { name: 'Accounting software you can connect' });
    const sandbox = within(list).getByTestId('platform-sbox');
    expect(within(sandbox).getByRole('heading', { name: 'Ledgerlink Sandbox' })).toBeTruthy();
    const logo = within(sandbox).getByTestId('logo-sbox');
    expect(logo.getAttribute('src')).toBe('http://api.test/integrations/sbox/logo.svg');
    expect(logo.getAttribute('alt')).toBe('');
    expect(sandbox.textContent).toContain('Reads a generated demo company.');
    expect(sandbox.textContent).toContain('Online');
    expect(within(list).getByTestId('platform-gncs').textContent).toContain('On-premise');
    expect(screen.getByRole('button', { name: 'Connect Ledgerlink Sandbox' })).toBeTruthy();
    expect(screen.getByTestId('link-help').textContent).toContain('Contact the person who sent you this link');
  });

  it('shows platforms that are already linked as such', () => {
    const view = makeView();
    view.company.status = 'Linked';
    view.connections = [{ id: CONN, platformKey: 'sbox', platformName: 'Ledgerlink Sandbox', status: 'Linked', companyName: 'Sandbox Books Ltd' }];
    renderFlow(view);
    expect(screen.getByTestId('linked-sbox').textContent).toContain('Already linked to Sandbox Books Ltd');
    expect(screen.getByRole('button', { name: 'Connect another Ledgerlink Sandbox' })).toBeTruthy();
    expect(screen.getByTestId('company-status').getAttribute('data-status')).toBe('Linked');
  });

  it('falls back to the portal copy of a logo, then to initials', () => {
    renderFlow(makeView());
    const first = screen.getByTestId('logo-sbox');
    fireEvent.error(first);
    const second = screen.getByTestId('logo-sbox');
    expect(second.getAttribute('src')).toBe('/link/logos/sbox');
    fireEvent.error(second);
    expect(screen.queryByTestId('logo-sbox')).toBeNull();
    expect(screen.getByTestId('logo-fallback-sbox').textContent).toBe('LS');
  });
});

describe('LinkFlow cloud platform', () => {
  it('links the sandbox: start, authorise, then confirm the company name from the books', async () => {
    const api = renderFlow(makeView());
    fireEvent.click(screen.getByRole('button', { name: 'Connect Ledgerlink Sandbox' }));
    expect(heading().textContent).toBe('Connect Ledgerlink Sandbox');
    expect(window.location.search).toBe('?platform=sbox');

    const name = screen.getByLabelText(/Company name/);
    expect(name.getAttribute('type')).toBe('text');
    expect(name.getAttribute('aria-describedby')).toBe('credential-companyName-hint');
    expect(screen.getByLabelText(/Seed/).getAttribute('inputmode')).toBe('numeric');
    fireEvent.change(name, { target: { value: 'Sandbox Books Ltd' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect Ledgerlink Sandbox' }));

    await screen.findByTestId('link-confirmation');
    expect(screen.getByTestId('confirm-text').textContent).toBe('Linked to Sandbox Books Ltd. Is this the right company?');
    expect(screen.getByTestId('confirm-platform').textContent).toBe('Ledgerlink Sandbox');
    expect(window.location.search).toBe(`?connection=${CONN}`);
    expect(paths(api.calls)).toEqual(expect.arrayContaining(['link.start', 'link.authorize']));
    const authorize = api.calls.find((c) => c.path === 'link.authorize');
    expect(authorize?.input).toEqual({ companyId: COMPANY, connectionId: CONN, credentials: { companyName: 'Sandbox Books Ltd' } });
    await waitFor(() => expect(screen.getByTestId('company-status').getAttribute('data-status')).toBe('Linked'));

    fireEvent.click(screen.getByRole('button', { name: 'Yes, this is the right company' }));
    expect(screen.getByTestId('link-done').textContent).toContain('You’re all set');
  });

  it('shows the API error, keeps the form and its values, and marks the field', async () => {
    const api = renderFlow(makeView(), {
      authorize: (creds) =>
        creds['volume'] === 'abc'
          ? { error: { message: 'Authorization failed: volume must be a whole number from 0 to 5000000', code: 'BAD_REQUEST', httpStatus: 400 } }
          : undefined,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Connect Ledgerlink Sandbox' }));
    fireEvent.change(screen.getByLabelText(/Records per data type/), { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect Ledgerlink Sandbox' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('volume must be a whole number from 0 to 5000000');
    expect(heading().textContent).toBe('Connect Ledgerlink Sandbox');
    const volume = screen.getByLabelText(/Records per data type/) as HTMLInputElement;
    expect(volume.value).toBe('abc');
    expect(volume.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Records per data type must be a whole number from 0 to 5000000')).toBeTruthy();
    // The URL now names the PendingAuth connection; the retry reuses it without link.start.
    expect(window.location.search).toBe(`?connection=${CONN}`);

    fireEvent.change(volume, { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect Ledgerlink Sandbox' }));
    await screen.findByTestId('link-confirmation');
    expect(paths(api.calls).filter((p) => p === 'link.start')).toHaveLength(1);
    expect(paths(api.calls).filter((p) => p === 'link.authorize')).toHaveLength(2);
  });

  it('checks required fields before sending anything', () => {
    const api = renderFlow(makeView(), { location: { platform: 'tryt' } });
    expect(screen.getByLabelText('Password').getAttribute('type')).toBe('password');
    expect(screen.getByLabelText('Server URL').getAttribute('type')).toBe('url');
    expect(screen.getByLabelText('Server URL').getAttribute('aria-required')).toBe('true');
    fireEvent.change(screen.getByLabelText('Database'), { target: { value: 'ledgerlink' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect Tryton' }));
    expect(screen.getByText('Enter server URL.')).toBeTruthy();
    expect(screen.getByText('Enter username.')).toBeTruthy();
    expect(screen.getByText('Enter password.')).toBeTruthy();
    expect(screen.queryByText('Enter database.')).toBeNull();
    expect(document.activeElement).toBe(screen.getByLabelText('Server URL'));
    expect(paths(api.calls)).not.toContain('link.start');
  });

  it('goes back to the list', () => {
    renderFlow(makeView(), { location: { platform: 'sbox' } });
    fireEvent.click(screen.getByRole('button', { name: 'Choose different software' }));
    expect(heading().textContent).toBe('Connect your accounting software');
    expect(window.location.search).toBe('');
  });

  it('shows the last failure of a connection opened by its link', () => {
    const view = makeView();
    view.company.status = 'PendingAuth';
    view.connections = [{ id: CONN, platformKey: 'sbox', platformName: 'Ledgerlink Sandbox', status: 'PendingAuth', error: 'seed must be a whole number' }];
    renderFlow(view, { location: { connection: CONN } });
    expect(heading().textContent).toBe('Connect Ledgerlink Sandbox');
    expect(screen.getByTestId('link-earlier-error').textContent).toContain('seed must be a whole number');
  });
});

describe('LinkFlow on-premise platform', () => {
  it('shows the license key with a copy button, the setup notes and the book form', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const api = renderFlow(makeView(), { location: { platform: 'gncs' } });

    expect(screen.getByTestId('license-key').textContent).toBe(COMPANY);
    expect(screen.getByTestId('same-computer-note').textContent).toContain('same computer as your GnuCash books');
    expect(within(screen.getByTestId('setup-notes')).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Close GnuCash before the first sync.',
      'The connector must run on the same computer as the book.',
    ]);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy key' }));
    });
    expect(writeText).toHaveBeenCalledWith(COMPANY);
    expect(screen.getByText('Copied')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Finish linking' }));
    expect(screen.getByText('Enter book file.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Book file'), { target: { value: '/home/me/books.gnucash' } });
    fireEvent.click(screen.getByRole('button', { name: 'Finish linking' }));
    await screen.findByTestId('link-confirmation');
    expect(api.calls.find((c) => c.path === 'link.authorize')?.input).toMatchObject({ credentials: { bookPath: '/home/me/books.gnucash' } });
  });
});

describe('LinkFlow confirmation', () => {
  it('opens a Linked connection link at the confirmation, and offers another account if it is wrong', () => {
    const view = makeView();
    view.company.status = 'Linked';
    view.connections = [{ id: CONN, platformKey: 'sbox', platformName: 'Ledgerlink Sandbox', status: 'Linked', companyName: 'Wrong Co' }];
    renderFlow(view, { location: { connection: CONN } });
    expect(heading().textContent).toBe('Confirm your company');
    expect(screen.getByTestId('confirm-text').textContent).toBe('Linked to Wrong Co. Is this the right company?');
    fireEvent.click(screen.getByRole('button', { name: 'No, this is not right' }));
    expect(screen.getByTestId('link-wrong').textContent).toContain('“Wrong Co” was linked by mistake');
    fireEvent.click(screen.getByRole('button', { name: 'Connect a different Ledgerlink Sandbox account' }));
    expect(heading().textContent).toBe('Connect Ledgerlink Sandbox');
    expect(window.location.search).toBe('?platform=sbox');
  });

  it('explains a connection link that no longer exists', () => {
    renderFlow(makeView(), { location: { connection: CONN } });
    expect(heading().textContent).toBe('Connect your accounting software');
    expect(screen.getByTestId('link-notice').textContent).toContain('no longer valid');
  });
});

describe('CredentialsForm', () => {
  it('renders one labelled input per field, with descriptions and optional markers', () => {
    render(<CredentialsForm title="Details" fields={TRYTON_FIELDS.slice(0, 1).concat(SANDBOX_FIELDS.slice(0, 1))} submitLabel="Go" pendingLabel="Going" pending={false} onSubmit={vi.fn()} />);
    const form = screen.getByRole('form', { name: 'Details' });
    expect(within(form).getAllByRole('textbox')).toHaveLength(2);
    expect(screen.getByLabelText('Server URL').getAttribute('aria-describedby')).toBe('credential-serverUrl-hint');
    expect(screen.getByText('Where trytond answers').id).toBe('credential-serverUrl-hint');
    expect(screen.getByLabelText('Company name (optional)')).toBeTruthy();
  });

  it('disables the form and says so while sending', () => {
    render(<CredentialsForm title="Details" fields={SANDBOX_FIELDS} submitLabel="Go" pendingLabel="Going…" pending onSubmit={vi.fn()} />);
    const button = screen.getByRole('button', { name: 'Going…' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect((screen.getByLabelText(/Seed/) as HTMLInputElement).disabled).toBe(true);
  });

  it('submits the filled fields only', () => {
    const onSubmit = vi.fn();
    render(<CredentialsForm title="Details" fields={SANDBOX_FIELDS} submitLabel="Go" pendingLabel="Going" pending={false} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText(/Seed/), { target: { value: ' 7 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Go' }));
    expect(onSubmit).toHaveBeenCalledWith({ seed: '7' });
  });
});
