import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execute } from '../../src/kernel/command';
import { makeContext } from '../../src/kernel/context';
import { submitReferral } from '../../src/commands/submitReferral';
import { referralFields } from '../../src/kernel/referralFields';
import { DEMO_ADULT_NAMES } from '../../src/demo/demoText';
import { DEMO_AGENCIES, DEMO_EMAIL_DOMAIN, DEMO_PERSONAS } from '../../src/demo/personas';
import { seedDemo, seedDemoIfEmpty } from '../../src/demo/seedDemo';
import { CASE_STATUSES, ROLES } from '../../src/domain/enums';
import type { Agency, Member } from '../../src/domain/records';
import { isOverdue } from '../../src/domain/rules';
import { canReadCase } from '../../src/policies';
import type { Actor } from '../../src/policies/actor';
import type { Kind, RecordMap } from '../../src/store/port';
import { KINDS } from '../../src/store/schema';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore';

const NOW = new Date('2026-06-15T09:00:00Z');
const dirs: string[] = [];
const stores: SqliteStore[] = [];

async function seeded(now = NOW, refPrefix = 'CASPA') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskpanel-demo-'));
  dirs.push(dir);
  const store = new SqliteStore(path.join(dir, 'demo.db'));
  stores.push(store);
  const counts = await seedDemo(store, { now, refPrefix });
  return { store, counts };
}

const all = <K extends Kind>(store: SqliteStore, kind: K): Promise<RecordMap[K][]> => store.transaction((tx) => tx.find(kind));

async function dump(store: SqliteStore): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const kind of KINDS) out[kind] = await all(store, kind);
  return out;
}

async function actorFor(store: SqliteStore, key: string): Promise<Actor> {
  const p = DEMO_PERSONAS.find((x) => x.key === key)!;
  return store.transaction(async (tx) => {
    const member = (await tx.get('members', p.id)) as Member;
    return { member, agency: (await tx.get('agencies', member.agencyId)) as Agency };
  });
}

afterAll(async () => {
  for (const store of stores) await store.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('demo personas', () => {
  it('cover every role, an agency lead and partners in police, fire, health, probation and a charity', () => {
    const roles = new Set(DEMO_PERSONAS.flatMap((p) => p.roles));
    expect([...roles].sort()).toEqual([...ROLES].sort());
    expect(DEMO_PERSONAS.some((p) => p.agencyLead)).toBe(true);
    const partnerKinds = new Set(
      DEMO_PERSONAS.filter((p) => p.roles.includes('partner')).map((p) => DEMO_AGENCIES.find((a) => a.id === p.agencyId)!.kind),
    );
    for (const kind of ['police', 'fire', 'health', 'probation', 'voluntary'] as const) expect(partnerKinds).toContain(kind);
    expect(DEMO_PERSONAS.some((p) => p.agencyId === 'ag-elft' && p.roles.includes('partner'))).toBe(true);
  });

  it('have unique ids, GUID object ids and lower-case emails at the reserved .example domain', () => {
    expect(new Set(DEMO_PERSONAS.map((p) => p.id)).size).toBe(DEMO_PERSONAS.length);
    expect(new Set(DEMO_PERSONAS.map((p) => p.aadObjectId)).size).toBe(DEMO_PERSONAS.length);
    expect(new Set(DEMO_PERSONAS.map((p) => p.email)).size).toBe(DEMO_PERSONAS.length);
    for (const p of DEMO_PERSONAS) {
      expect(p.aadObjectId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(p.email).toBe(p.email.toLowerCase());
      expect(p.email.endsWith(`@${DEMO_EMAIL_DOMAIN}`)).toBe(true);
      expect(DEMO_AGENCIES.map((a) => a.id)).toContain(p.agencyId);
    }
    expect(DEMO_EMAIL_DOMAIN.endsWith('.example')).toBe(true);
  });

  it('list the eleven member agencies of the source partnership', () => {
    expect(DEMO_AGENCIES).toHaveLength(11);
    expect(DEMO_AGENCIES.map((a) => a.name)).toEqual(expect.arrayContaining([
      'Bedfordshire Police', 'Bedfordshire Fire and Rescue Service', 'East London Foundation Trust', 'NOAH', 'Azalea', 'ResoLutions',
    ]));
  });
});

describe('seedDemo', () => {
  it('seeds about thirty referrals and cases across every status', async () => {
    const { store, counts } = await seeded();
    const cases = await all(store, 'cases');
    expect(cases.length).toBeGreaterThanOrEqual(28);
    expect(cases.length).toBeLessThanOrEqual(34);
    expect(counts.cases).toBe(cases.length);
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(CASE_STATUSES));
    expect(await all(store, 'agencies')).toHaveLength(11);
    expect(await all(store, 'members')).toHaveLength(DEMO_PERSONAS.length);
    // Each referral passes the same validation as one submitted through the API.
    for (const c of cases) expect(referralFields.safeParse(c).success).toBe(true);
  });

  it('seeds about eighty actions, some overdue and several completed, owned by members of their agency', async () => {
    const { store, counts } = await seeded();
    const actions = await all(store, 'actions');
    const members = await all(store, 'members');
    expect(actions.length).toBeGreaterThanOrEqual(75);
    expect(actions.length).toBeLessThanOrEqual(85);
    const overdue = actions.filter((a) => isOverdue(a, NOW));
    expect(overdue.length).toBeGreaterThanOrEqual(10);
    expect(overdue.length).toBeLessThanOrEqual(15);
    expect(counts.overdueActions).toBe(overdue.length);
    expect(actions.filter((a) => a.status === 'completed' && a.completedAt && a.evidence).length).toBeGreaterThanOrEqual(5);
    const caseIds = new Set((await all(store, 'cases')).map((c) => c.id));
    for (const a of actions) {
      expect(caseIds.has(a.parentId)).toBe(true);
      expect(members.find((m) => m.id === a.ownerId)?.agencyId).toBe(a.agencyId);
    }
  });

  it('gives every accepted case a lead and a chronology of 3 to 8 entries, and nothing happens after now', async () => {
    const { store } = await seeded();
    const cases = await all(store, 'cases');
    const chronology = await all(store, 'chronology');
    const accepted = cases.filter((c) => ['open', 'escalated', 'closed'].includes(c.status));
    expect(accepted.length).toBeGreaterThanOrEqual(10);
    for (const c of accepted) {
      expect(c.leadAgencyId && c.leadProfessionalId && c.acceptedAt && c.riskLevel).toBeTruthy();
      const entries = chronology.filter((e) => e.caseId === c.id).length;
      expect(entries).toBeGreaterThanOrEqual(3);
      expect(entries).toBeLessThanOrEqual(8);
    }
    const corrected = chronology.filter((e) => e.correctsEntryId);
    expect(corrected.length).toBeGreaterThan(0);
    for (const e of corrected) expect(chronology.some((x) => x.id === e.correctsEntryId && x.caseId === e.caseId)).toBe(true);
    const now = NOW.toISOString();
    for (const c of cases) for (const t of [c.createdAt, c.receivedAt, c.acceptedAt, c.closedAt]) if (t) expect(t < now).toBe(true);
    for (const e of chronology) expect(e.occurredAt < now && e.recordedAt < now).toBe(true);
  });

  it('seeds two held meetings with decisions and attendance, and one planned meeting with an agenda', async () => {
    const { store } = await seeded();
    const meetings = await all(store, 'meetings');
    const decisions = await all(store, 'decisions');
    const attendance = await all(store, 'attendance');
    const agenda = await all(store, 'agendaItems');
    expect(meetings).toHaveLength(4);
    const held = meetings.filter((m) => m.status === 'held' || m.status === 'minutes_issued');
    expect(held).toHaveLength(2);
    for (const m of held) {
      expect(m.startsAt < NOW.toISOString()).toBe(true);
      const ds = decisions.filter((d) => d.meetingId === m.id);
      expect(ds.length).toBeGreaterThan(0);
      for (const d of ds) {
        expect(d.rationale.trim()).not.toBe('');
        expect(agenda.find((a) => a.id === d.agendaItemId)?.meetingId).toBe(m.id);
      }
      expect(attendance.filter((a) => a.meetingId === m.id && a.status === 'present').length).toBeGreaterThan(3);
    }
    const planned = meetings.filter((m) => m.status === 'planned');
    expect(planned).toHaveLength(1);
    expect(planned[0]!.startsAt > NOW.toISOString()).toBe(true);
    const plannedItems = agenda.filter((a) => a.meetingId === planned[0]!.id);
    expect(plannedItems.length).toBeGreaterThan(0);
    const cases = await all(store, 'cases');
    for (const c of cases.filter((x) => x.status === 'listed')) expect(plannedItems.some((a) => a.caseId === c.id)).toBe(true);

    // Next month's panel: its agenda built by the agenda builder over the demo's cases, and published.
    const published = meetings.filter((m) => m.status === 'agenda_published');
    expect(published).toHaveLength(1);
    expect(published[0]!.startsAt > planned[0]!.startsAt && published[0]!.papersIssuedAt! < NOW.toISOString()).toBe(true);
    const items = agenda.filter((a) => a.meetingId === published[0]!.id).sort((a, b) => a.order - b.order);
    const kinds = items.map((a) => a.kind);
    for (const kind of ['new_referral', 'review', 'any_other_business'] as const) expect(kinds).toContain(kind);
    // Overdue actions: an item of their own, or a reason of a case already listed for something more urgent.
    expect(items.some((a) => a.kind === 'overdue_actions' || a.alsoBecause?.includes('overdue_actions'))).toBe(true);
    expect(kinds.at(-1)).toBe('any_other_business');
    // The past panel with issued minutes links its document.
    expect(meetings.find((m) => m.status === 'minutes_issued')?.minutesDocumentUrl).toMatch(/^\/api\/meetings\/.+\/minutes\.docx$/);
  });

  it('has police-led cases, health-led cases with police involved, a restricted case and cases the fire partner cannot see', async () => {
    const { store } = await seeded();
    const cases = await all(store, 'cases');
    const live = cases.filter((c) => c.status === 'open' || c.status === 'escalated');
    expect(live.filter((c) => c.leadAgencyId === 'ag-police').length).toBeGreaterThanOrEqual(2);
    expect(live.some((c) => ['ag-elft', 'ag-ccs'].includes(c.leadAgencyId!) && c.involvements.some((i) => i.agencyId === 'ag-police' && i.known))).toBe(true);

    const fire = await actorFor(store, 'fire');
    const uninvolved = live.filter((c) => !canReadCase(fire, c));
    expect(uninvolved.length).toBeGreaterThan(0);
    expect(uninvolved.every((c) => !c.involvements.some((i) => i.agencyId === 'ag-fire'))).toBe(true);

    const restricted = cases.filter((c) => c.restricted);
    expect(restricted).toHaveLength(1);
    const [r] = restricted;
    expect(canReadCase(await actorFor(store, 'police'), r!)).toBe(true); // named on the case
    expect(canReadCase(await actorFor(store, 'policelead'), r!)).toBe(false); // same agency, not named
    expect(canReadCase(await actorFor(store, 'chair'), r!)).toBe(false);
    expect(canReadCase(await actorFor(store, 'coordinator'), r!)).toBe(true);
  });

  it('uses invented people only', async () => {
    const { store } = await seeded();
    const cases = await all(store, 'cases');
    for (const c of cases) expect(DEMO_ADULT_NAMES as readonly string[]).toContain(c.adult.name);
    for (const c of cases) if (c.adult.postcode) expect(c.adult.postcode.startsWith('LU0 ')).toBe(true);
    for (const c of cases) if (c.adult.nhsNumber) expect(c.adult.nhsNumber.startsWith('999')).toBe(true);
    const text = JSON.stringify(await dump(store));
    const emails = text.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? [];
    expect(emails.length).toBeGreaterThan(0);
    for (const e of emails) expect(e.endsWith(`@${DEMO_EMAIL_DOMAIN}`)).toBe(true);
    // Nothing to send: the seed is a fixture, not a stream of notifications.
    expect(await all(store, 'outbox')).toHaveLength(0);
  });

  it('is deterministic: two stores seeded with the same clock hold identical records', async () => {
    const a = await seeded();
    const b = await seeded();
    expect(await dump(b.store)).toEqual(await dump(a.store));
    const later = await seeded(new Date('2026-06-16T09:00:00Z'));
    expect(await dump(later.store)).not.toEqual(await dump(a.store));
  });

  it('gives each referral a unique reference, and the next submitted referral the next number', async () => {
    for (const [now, prefix] of [[NOW, 'CASPA'], [new Date('2026-01-10T08:00:00Z'), 'VARM']] as const) {
      const { store } = await seeded(now, prefix);
      const refs = (await all(store, 'cases')).map((c) => c.ref);
      expect(new Set(refs).size).toBe(refs.length);
      for (const ref of refs) expect(ref).toMatch(new RegExp(`^${prefix}-\\d{4}-\\d{4}$`));
      const year = now.getUTCFullYear();
      const thisYear = refs.filter((r) => r.startsWith(`${prefix}-${year}-`)).map((r) => Number(r.slice(-4)));
      expect(thisYear.length).toBeGreaterThan(0);

      const ctx = makeContext({ store, actor: await actorFor(store, 'police'), now: () => now, refPrefix: prefix });
      const created = await execute(submitReferral, ctx, {
        adult: { name: 'Ada Newly-Invented', postcode: 'LU0 1AB' },
        riskCategories: ['self_neglect'],
        reasons: 'Invented test referral.',
        currentSupport: 'None.',
        childrenAtRisk: false,
        otherAdultsAtRisk: false,
        capacity: 'presumed',
        adultAware: true,
        consent: 'given',
        adultViews: 'Invented.',
        advocacyNeeded: false,
      });
      expect(created.ref).toBe(`${prefix}-${year}-${String(Math.max(...thisYear) + 1).padStart(4, '0')}`);
    }
  });

  it('seedDemoIfEmpty leaves a store that already has data alone', async () => {
    const { store } = await seeded();
    const before = await dump(store);
    expect(await seedDemoIfEmpty(store, { now: NOW, refPrefix: 'CASPA' })).toBeUndefined();
    expect(await dump(store)).toEqual(before);
  });
});
