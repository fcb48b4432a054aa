import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Context, makeContext } from '../../src/kernel/context';
import type { Agency, Member } from '../../src/domain/records';
import type { Actor } from '../../src/policies/actor';
import type { Store } from '../../src/store/port';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore';

/** A small invented partnership on a real SQLite file in a temporary folder. */
export const AGENCIES: Agency[] = [
  { id: 'ag-council', version: 1, name: 'Test Council Adult Social Care', shortName: 'ASC', kind: 'council', active: true },
  { id: 'ag-police', version: 1, name: 'Test Police', shortName: 'Police', kind: 'police', active: true },
  { id: 'ag-health', version: 1, name: 'Test Health Trust', shortName: 'Health', kind: 'health', active: true },
  { id: 'ag-fire', version: 1, name: 'Test Fire and Rescue', shortName: 'Fire', kind: 'fire', active: true },
];

const member = (id: string, agencyId: string, roles: Member['roles'], extra: Partial<Member> = {}): Member => ({
  id,
  version: 1,
  aadObjectId: `00000000-0000-4000-8000-${id.replace(/\W/g, '').padStart(12, '0').slice(-12)}`,
  name: `Test ${id}`,
  email: `${id}@example.test`,
  agencyId,
  roles,
  agencyLead: false,
  active: true,
  ...extra,
});

export const MEMBERS = {
  coordinator: member('coordinator', 'ag-council', ['coordinator']),
  chair: member('chair', 'ag-council', ['chair']),
  police: member('police', 'ag-police', ['partner']),
  policeLead: member('policelead', 'ag-police', ['partner'], { agencyLead: true }),
  health: member('health', 'ag-health', ['partner']),
  fire: member('fire', 'ag-fire', ['partner']),
  viewer: member('viewer', 'ag-council', ['viewer']),
  inactive: member('inactive', 'ag-police', ['partner'], { active: false }),
};
export type Persona = keyof typeof MEMBERS;

export function actorOf(persona: Persona): Actor {
  const m = MEMBERS[persona];
  return { member: m, agency: AGENCIES.find((a) => a.id === m.agencyId)! };
}

export interface World {
  store: Store;
  file: string;
  ctx(persona: Persona, now?: Date): Context;
  close(): Promise<void>;
}

export const FIXED_NOW = new Date('2026-06-15T09:00:00Z');

export async function createWorld(): Promise<World> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskpanel-'));
  const file = path.join(dir, 'test.db');
  const store = new SqliteStore(file);
  await store.transaction(async (tx) => {
    for (const a of AGENCIES) await tx.insert('agencies', a);
    for (const m of Object.values(MEMBERS)) await tx.insert('members', m);
  });
  let seq = 0;
  return {
    store,
    file,
    ctx: (persona, now = FIXED_NOW) =>
      makeContext({ store, actor: actorOf(persona), now: () => now, newId: () => `id-${++seq}`, correlationId: `corr-${++seq}` }),
    close: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A valid referral body; override what a test is about. */
export function referralInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    adult: { name: 'Alex Imaginary Example', dateOfBirth: '1950-02-03', postcode: 'LU1 1AA' },
    riskCategories: ['self_neglect', 'fire_risk'],
    reasons: 'Invented test reasons: hoarding blocks the exits.',
    currentSupport: 'Weekly visit from an invented carer.',
    childrenAtRisk: false,
    otherAdultsAtRisk: false,
    capacity: 'presumed',
    adultAware: true,
    consent: 'given',
    otherProcessesConsidered: ['s42'],
    adultViews: 'Wants to stay at home.',
    advocacyNeeded: false,
    ...overrides,
  };
}
