import { keepConnectionsAlive } from '../../../src/server/keepAlive';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config';
import { seedDemo } from '../../../src/demo/seedDemo';
import { createApp } from '../../../src/server/app';
import type { Store } from '../../../src/store/port';
import { SqliteStore } from '../../../src/store/sqlite/sqliteStore';

export const TAB_DIR = path.resolve(__dirname, '../../../tabs/dist');

/** The e2e tests drive the built tab; building is `npm run build:tab`, done before jest by `npm test`. */
export function assertTabBuilt(): void {
  if (!fs.existsSync(path.join(TAB_DIR, 'index.html'))) {
    throw new Error(`The tab is not built: ${path.join(TAB_DIR, 'index.html')} is missing. Run \`npm run build:tab\` first.`);
  }
}

export interface TabServer {
  url: string;
  store: Store;
  close(): Promise<void>;
}

/** The real server in local mode on 127.0.0.1 (any free port), over a temporary SQLite file seeded with the demo partnership. */
export async function startTabServer(): Promise<TabServer> {
  assertTabBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskpanel-e2e-'));
  const config = loadConfig({
    RISKPANEL_MODE: 'local',
    HOST: '127.0.0.1',
    PORT: '0',
    SQLITE_PATH: path.join(dir, 'e2e.db'),
    TAB_DIR,
    SEED_DEMO: 'false',
    REF_PREFIX: 'CASPA',
  });
  const store = new SqliteStore(config.sqlitePath);
  await seedDemo(store, { now: new Date(), refPrefix: config.refPrefix });
  const server = keepConnectionsAlive(createApp({ config, store }).listen(0, '127.0.0.1'));
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A JSON call to the API as a demo persona: the tests use it to find data, never to check what the tab shows. */
export async function apiAs<T>(server: TabServer, email: string, pathAndQuery: string): Promise<T> {
  const response = await fetch(`${server.url}${pathAndQuery}`, { headers: { Authorization: `Dev ${email}`, Accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET ${pathAndQuery} as ${email}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export interface PersonaItem { email: string; name: string; agency: string; roles: string[] }

export async function personas(server: TabServer): Promise<PersonaItem[]> {
  const response = await fetch(`${server.url}/api/personas`);
  if (!response.ok) throw new Error(`GET /api/personas: ${response.status}`);
  return (await response.json()) as PersonaItem[];
}
