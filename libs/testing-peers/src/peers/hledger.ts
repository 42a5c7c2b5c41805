import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  PEER_TOOLS_DIR,
  freePort,
  makeTempDir,
  removeDir,
  requireDebianPackages,
  spawnServer,
  waitUntilReady,
} from './process';

export const HLEDGER_PACKAGES = ['hledger-web', 'hledger'];

/** The known-data journal (tools/peers/hledger-template.journal). */
export const HLEDGER_TEMPLATE_JOURNAL = join(
  PEER_TOOLS_DIR,
  'hledger-template.journal',
);

export interface HledgerWebPeer {
  /** e.g. http://127.0.0.1:41235 — GET /version, /accounts, /transactions, …; PUT /add. */
  url: string;
  /** The temp copy of the journal that this server reads (and appends to on PUT /add). */
  journalPath: string;
  pid: number;
  stop(): Promise<void>;
}

export interface StartHledgerWebOptions {
  port?: number;
  /** Journal to copy and serve (default: the known-data template). */
  journal?: string;
  /** hledger-web capabilities (default "view,add"). */
  capabilities?: string;
}

/** Starts `hledger-web --serve-api` on 127.0.0.1 over a fresh copy of the journal. */
export async function startHledgerWeb(
  opts: StartHledgerWebOptions = {},
): Promise<HledgerWebPeer> {
  requireDebianPackages('hledger-web', HLEDGER_PACKAGES);
  const dir = await makeTempDir('hledger');
  try {
    const journalPath = join(dir, 'books.journal');
    await copyFile(opts.journal ?? HLEDGER_TEMPLATE_JOURNAL, journalPath);
    const port = opts.port ?? (await freePort());
    const args = ['--serve-api', '--host=127.0.0.1', `--port=${port}`];
    const server = spawnServer(
      'hledger-web',
      [
        ...args,
        `--capabilities=${opts.capabilities ?? 'view,add'}`,
        '-f',
        journalPath,
      ],
      join(dir, 'hledger-web.log'),
      dir,
    );
    const url = `http://127.0.0.1:${port}`;
    await waitUntilReady(
      'hledger-web',
      server,
      async () => (await fetch(`${url}/version`)).ok,
    );
    return {
      url,
      journalPath,
      pid: server.pid,
      async stop() {
        await server.stop();
        await removeDir(dir);
      },
    };
  } catch (e) {
    await removeDir(dir);
    throw e;
  }
}
