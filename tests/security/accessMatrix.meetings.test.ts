import type { Meeting } from '../../src/domain/records';
import { type DemoServer, inBatches, PERSONAS, startDemoServer } from '../support/demoServer';
import { MEETING_ARRIVAL_ROUTES, MEETING_WRITE_ROUTES } from './coverage';

// The access matrix for the panel meeting's writes: every persona who is neither a coordinator nor a chair, against
// every demo meeting and every meeting write, is refused (403, or 404 for what they may not see) as problem+json, and
// nothing but the refusal's own audit event is written. Who drives a meeting is the server's decision, so a partner's
// request is refused however it is phrased. The reads (the meeting view and the stage) are in accessMatrix.reads.

jest.setTimeout(240_000);

let srv: DemoServer;
let meetings: Meeting[];
beforeAll(async () => {
  srv = await startDemoServer();
  meetings = await srv.store.transaction((tx) => tx.find('meetings'));
});
afterAll(async () => {
  await srv?.close();
});

describe('meeting writes by members who do not run the panel', () => {
  it('are refused as problem+json and change nothing', async () => {
    const outsiders = PERSONAS.filter((p) => !p.roles.some((r) => r === 'coordinator' || r === 'chair'));
    expect(outsiders.length).toBeGreaterThan(3);
    expect(meetings.length).toBeGreaterThan(0);
    const before = await srv.counts();
    const failures: string[] = [];
    const cells = outsiders.flatMap((p) => meetings.flatMap((m) => Object.entries(MEETING_WRITE_ROUTES).map(([op, route]) => ({ p, m, op, route }))));
    let refusals = 0;
    await inBatches(cells, 4, async ({ p, m, op, route }) => {
      const res = await srv.call(route.method, `/api/meetings/${encodeURIComponent(m.id)}/${route.tail}`, { as: p, json: route.body(m.version) });
      const what = `${p.key} ${op} on ${m.id} (${m.status})`;
      if (res.status !== 403 && res.status !== 404) return void failures.push(`${what}: ${res.status}`);
      if (!res.headers.get('content-type')?.startsWith('application/problem+json')) failures.push(`${what}: not problem+json`);
      refusals++;
    });
    expect(failures).toEqual([]);
    const after = await srv.counts();
    // Every refusal is audited as denied; nothing else moved.
    expect({ ...after, audit: 0, counters: 0 }).toEqual({ ...before, audit: 0, counters: 0 });
    expect(after.audit - before.audit).toBeLessThanOrEqual(refusals);
    const stored = await srv.store.transaction((tx) => tx.find('meetings'));
    expect(stored.map((m) => [m.id, m.version, m.status])).toEqual(meetings.map((m) => [m.id, m.version, m.status]));
  });
});

describe('arrival, the one meeting write every member makes', () => {
  it('answers every panel persona on every demo meeting, refuses the auditor, and writes at most their own attendance line', async () => {
    const before = await srv.store.transaction((tx) => tx.find('attendance'));
    const failures: string[] = [];
    const cells = PERSONAS.flatMap((p) => meetings.flatMap((m) => Object.entries(MEETING_ARRIVAL_ROUTES).map(([op, route]) => ({ p, m, op, route }))));
    // An auditor reads the audit trail only, no meeting: refused (403 problem), like every other meeting route.
    const expected = (p: (typeof PERSONAS)[number]) => (p.roles.every((r) => r === 'auditor') ? 403 : 200);
    expect(PERSONAS.filter((p) => expected(p) === 403).map((p) => p.key)).toEqual(['auditor']);
    await inBatches(cells, 4, async ({ p, m, op, route }) => {
      const res = await srv.call(route.method, `/api/meetings/${encodeURIComponent(m.id)}/${route.tail}`, { as: p, json: {} });
      if (res.status !== expected(p)) failures.push(`${p.key} ${op} on ${m.id} (${m.status}): ${res.status}`);
    });
    expect(failures).toEqual([]);
    const known = new Set(before.map((a) => a.id));
    const added = (await srv.store.transaction((tx) => tx.find('attendance'))).filter((a) => !known.has(a.id));
    const personaIds = new Set(PERSONAS.map((p) => p.id));
    expect(added.filter((a) => !a.memberId || !personaIds.has(a.memberId))).toEqual([]);
    expect(new Set(added.map((a) => `${a.meetingId}/${a.memberId}`)).size).toBe(added.length);
  });
});
