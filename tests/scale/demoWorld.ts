import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeContext, type Context } from '../../src/kernel/context';
import { DEMO_PERSONAS } from '../../src/demo/personas';
import { seedDemo } from '../../src/demo/seedDemo';
import type { Agency, Member } from '../../src/domain/records';
import type { Actor } from '../../src/policies/actor';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore';

/** The demo partnership on a temporary SQLite file, at a fixed time, with a context per persona. */
export const DEMO_NOW = new Date('2026-06-15T09:00:00Z');

export interface DemoWorld {
  store: SqliteStore;
  ctxFor(personaKey: string): Promise<Context>;
  close(): Promise<void>;
}

export async function demoWorld(): Promise<DemoWorld> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskpanel-scale-'));
  const store = new SqliteStore(path.join(dir, 'demo.db'));
  await seedDemo(store, { now: DEMO_NOW, refPrefix: 'CASPA' });
  let seq = 0;
  return {
    store,
    async ctxFor(key) {
      const p = DEMO_PERSONAS.find((x) => x.key === key)!;
      const actor: Actor = await store.transaction(async (tx) => {
        const member = (await tx.get('members', p.id)) as Member;
        return { member, agency: (await tx.get('agencies', member.agencyId)) as Agency };
      });
      return makeContext({ store, actor, now: () => DEMO_NOW, correlationId: `corr-${++seq}`, newId: () => `id-${++seq}` });
    },
    async close() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
