import { connectionsByPlatform, isUuid, locationFromSearch, monogram, oneParam, resolveStep, searchFor, stepNumber, withConnection, withLinked } from './flow';
import type { LinkView } from './link-types';

const COMPANY = '7b1f6c2e-1a2b-4c3d-8e4f-0123456789ab';
const C1 = '11111111-1111-4111-8111-111111111111';
const C2 = '22222222-2222-4222-8222-222222222222';
const C3 = '33333333-3333-4333-8333-333333333333';

function makeView(connections: LinkView['connections'] = []): LinkView {
  return {
    company: { id: COMPANY, name: 'Acme Ltd', status: connections.length ? 'PendingAuth' : 'Blank' },
    integrations: [
      {
        key: 'sbox',
        name: 'Ledgerlink Sandbox',
        logoUrl: 'http://api.test/integrations/sbox/logo.svg',
        sourceType: 'Accounting',
        isOfflineConnector: false,
        credentialFields: [],
        dataAccessNotes: ['Reads demo data.'],
        setupNotes: [],
      },
      {
        key: 'gncs',
        name: 'GnuCash',
        logoUrl: 'http://api.test/integrations/gncs/logo.svg',
        sourceType: 'Accounting',
        isOfflineConnector: true,
        credentialFields: [{ name: 'bookPath', label: 'Book file', type: 'text', required: true }],
        dataAccessNotes: [],
        setupNotes: ['Run the connector on the computer with the book.'],
      },
    ],
    connections,
  };
}

describe('resolveStep', () => {
  it('starts at step 1', () => {
    expect(resolveStep(makeView(), {})).toEqual({ step: 'choose' });
  });

  it('goes to step 2 for a known platform, with its unfinished connection', () => {
    const pending = { id: C1, platformKey: 'sbox', platformName: 'Ledgerlink Sandbox', status: 'PendingAuth' as const, error: 'volume must be…' };
    const linked = { id: C2, platformKey: 'sbox', platformName: 'Ledgerlink Sandbox', status: 'Linked' as const };
    const step = resolveStep(makeView([linked, pending]), { platform: 'sbox' });
    expect(step.step).toBe('authorize');
    if (step.step !== 'authorize') return;
    expect(step.integration.key).toBe('sbox');
    expect(step.connection?.id).toBe(C1);
  });

  it('goes back to step 1 with a notice for an unknown platform', () => {
    const step = resolveStep(makeView(), { platform: 'xero' });
    expect(step.step).toBe('choose');
    expect(step.step === 'choose' && step.notice).toMatch(/not available/);
  });

  it('follows a connection link: step 2 until Linked, then step 3', () => {
    const view = makeView([
      { id: C1, platformKey: 'gncs', platformName: 'GnuCash', status: 'PendingAuth' },
      { id: C2, platformKey: 'sbox', platformName: 'Ledgerlink Sandbox', status: 'Linked', companyName: 'Sandbox Books Ltd' },
      { id: C3, platformKey: 'sbox', platformName: 'Ledgerlink Sandbox', status: 'Deauthorized' },
    ]);
    expect(resolveStep(view, { connection: C1 })).toMatchObject({ step: 'authorize', integration: { key: 'gncs' }, connection: { id: C1 } });
    expect(resolveStep(view, { connection: C2.toUpperCase() })).toMatchObject({ step: 'confirm', integration: { key: 'sbox' }, connection: { companyName: 'Sandbox Books Ltd' } });
    expect(resolveStep(view, { connection: C3 })).toMatchObject({ step: 'authorize', connection: { id: C3 } });
    // The connection wins over a platform in the same URL.
    expect(resolveStep(view, { connection: C1, platform: 'sbox' })).toMatchObject({ step: 'authorize', integration: { key: 'gncs' } });
  });

  it('explains an unknown connection, or one whose platform is gone', () => {
    expect(resolveStep(makeView(), { connection: C1 })).toMatchObject({ step: 'choose', notice: expect.stringMatching(/no longer valid/) });
    const view = makeView([{ id: C1, platformKey: 'xero', platformName: 'Xero', status: 'PendingAuth' }]);
    expect(resolveStep(view, { connection: C1 })).toMatchObject({ step: 'choose', notice: expect.stringMatching(/Xero can no longer be connected/) });
  });

  it('numbers the steps', () => {
    expect([stepNumber('choose'), stepNumber('authorize'), stepNumber('confirm')]).toEqual([1, 2, 3]);
  });
});

describe('URL state', () => {
  it('reads and writes the step in the query string', () => {
    expect(locationFromSearch('?platform=sbox')).toEqual({ platform: 'sbox', connection: undefined });
    expect(locationFromSearch(new URLSearchParams({ connection: ` ${C1} ` }))).toEqual({ platform: undefined, connection: C1 });
    expect(searchFor({})).toBe('');
    expect(searchFor({ platform: 'sbox' })).toBe('?platform=sbox');
    expect(searchFor({ platform: 'sbox', connection: C1 })).toBe(`?connection=${C1}`);
  });

  it('takes one value from what Next passes', () => {
    expect(oneParam(['a', 'b'])).toBe('a');
    expect(oneParam('  ')).toBeUndefined();
    expect(oneParam(undefined)).toBeUndefined();
  });

  it('recognises UUIDs', () => {
    expect(isUuid(COMPANY)).toBe(true);
    expect(isUuid(COMPANY.toUpperCase())).toBe(true);
    expect(isUuid('not-a-company')).toBe(false);
    expect(isUuid(`${COMPANY}x`)).toBe(false);
  });
});

describe('view updates', () => {
  it('adds a started connection, and marks an authorised one Linked with the company Linked', () => {
    const started = { id: C1, platformKey: 'sbox', platformName: 'Ledgerlink Sandbox', status: 'PendingAuth' as const };
    const v1 = withConnection(makeView(), started);
    expect(v1.connections).toEqual([started]);
    const v2 = withLinked({ ...v1, connections: [{ ...started, error: 'bad volume' }] }, { ...started, status: 'Linked', companyName: 'Sandbox Books Ltd' });
    expect(v2.connections).toEqual([{ ...started, status: 'Linked', companyName: 'Sandbox Books Ltd' }]);
    expect(v2.company.status).toBe('Linked');
  });

  it('groups connections by platform', () => {
    const view = makeView([
      { id: C1, platformKey: 'sbox', platformName: 'S', status: 'Linked', companyName: 'A' },
      { id: C2, platformKey: 'sbox', platformName: 'S', status: 'PendingAuth' },
      { id: C3, platformKey: 'sbox', platformName: 'S', status: 'Unlinked' },
    ]);
    const sbox = connectionsByPlatform(view).get('sbox');
    expect(sbox?.linked.map((c) => c.id)).toEqual([C1]);
    expect(sbox?.pending?.id).toBe(C2);
    expect(connectionsByPlatform(view).get('gncs')).toBeUndefined();
  });

  it('makes a monogram from a platform name', () => {
    expect(monogram('Ledgerlink Sandbox')).toBe('LS');
    expect(monogram('GnuCash')).toBe('GN');
    expect(monogram('  ')).toBe('?');
  });
});
