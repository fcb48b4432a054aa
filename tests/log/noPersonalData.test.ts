import { demoPersona } from '../../src/demo/personas';
import { DEMO_ADULT_NAMES } from '../../src/demo/demoText';
import { type CapturedLogs, captureLogs } from '../../src/log';
import { press, say } from '../support/botCalls';
import { type DemoServer, startDemoServer } from '../support/demoServer';

/*
 * Everything the server logs during a whole referral-to-closure run, through the real HTTP server and bot endpoint,
 * is scanned for the personal data of every demo adult (and of the adult this run refers). Logs are a shared
 * surface (operators, Log Analytics): none of it may appear there.
 */

const coordinator = demoPersona('coordinator');
const police = demoPersona('police');
const fire = demoPersona('fire');
const viewer = demoPersona('viewer');

/** This run's adult: invented, and distinctive enough that any echo of it would be found. */
const ADULT = { name: 'Ottoline Quibbleworth', dateOfBirth: '1948-07-21', address: '17 Zephyr Quillfeather Row, Invented Town', postcode: 'ZX9 4QQ', nhsNumber: '9434765919' };
const NARRATIVE = 'Invented narrative: Ottoline keeps forty cats in the hallway.';

type Json = Record<string, unknown>;
let srv: DemoServer;
let logs: CapturedLogs;
const ok = async (res: Response, status = 200): Promise<Json> => {
  const body = (await res.json()) as Json;
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(body)}`);
  return body;
};

beforeAll(async () => {
  logs = captureLogs();
  srv = await startDemoServer();
});
afterAll(async () => {
  logs.stop();
  await srv.close();
});

it('a full referral-to-closure run writes log lines with correlation ids, and none holds an adult\'s personal data', async () => {
  // Submit.
  const referral = await ok(
    await srv.call('POST', '/api/referrals', {
      as: police,
      json: {
        adult: ADULT,
        riskCategories: ['self_neglect', 'hoarding'],
        reasons: NARRATIVE,
        currentSupport: 'Invented: weekly visit from a carer.',
        childrenAtRisk: false,
        otherAdultsAtRisk: false,
        capacity: 'presumed',
        adultAware: true,
        consent: 'given',
        otherProcessesConsidered: ['s42'],
        adultViews: 'Invented: Ottoline wants to stay at home.',
        advocacyNeeded: false,
      },
    }),
    201,
  );
  const caseId = referral.id as string;
  const ref = referral.ref as string;

  // Involvement, screening accept, plan.
  const involved = await ok(await srv.call('POST', `/api/cases/${caseId}/involvement`, { as: fire, json: { known: true, note: `Invented: visited ${ADULT.name} at ${ADULT.address}.`, expectedVersion: referral.version } }));
  const accepted = await ok(
    await srv.call('POST', `/api/cases/${caseId}/screening`, {
      as: coordinator,
      json: { outcome: 'accept', rationale: `Invented: ${ADULT.name} is at high risk.`, leadAgencyId: 'ag-police', leadProfessionalId: police.id, riskLevel: 'high', expectedVersion: involved.version },
    }),
  );
  const planned = await ok(
    await srv.call('PATCH', `/api/cases/${caseId}/plan`, {
      as: coordinator,
      json: { contingencyPlan: `Invented: if ${ADULT.name} is unreachable, call ${ADULT.postcode} neighbours.`, expectedVersion: accepted.version },
    }),
  );
  expect(planned.version).toBeGreaterThan(accepted.version as number);

  // An action: create, progress, complete.
  const action = await ok(
    await srv.call('POST', `/api/cases/${caseId}/actions`, {
      as: police,
      json: { description: `Invented: visit ${ADULT.name}.`, successMeasure: 'Visit recorded.', ownerId: police.id, dueDate: '2026-07-10' },
    }),
    201,
  );
  const progressed = await ok(await srv.call('POST', `/api/actions/${action.id}/progress`, { as: police, json: { note: `Invented: rang ${ADULT.name}.`, expectedVersion: action.version } }));
  await ok(await srv.call('POST', `/api/actions/${action.id}/completion`, { as: police, json: { expectedVersion: progressed.version } }));

  // The bot: a status question and a card press (a progress note from a reminder card).
  const status = await say(srv, police, `status ${ref}`, 'personal');
  expect(status.http).toBe(200);
  const card = await press(srv, police, 'addActionUpdate', { card: 'reminder', actionId: action.id, note: `Invented: ${ADULT.name} answered.`, verb: 'addActionUpdate' }, 'personal');
  expect(card.http).toBe(200);

  // Refused requests: not allowed, bad input (with personal data in it), stale, unknown, not signed in.
  expect((await srv.call('POST', '/api/referrals', { as: viewer, json: { adult: ADULT, reasons: NARRATIVE } })).status).toBeGreaterThanOrEqual(400);
  expect((await srv.call('POST', '/api/referrals', { as: police, json: { adult: { ...ADULT, nhsNumber: 'not-a-number' }, reasons: NARRATIVE } })).status).toBe(400);
  expect((await srv.call('POST', '/api/referrals', { as: police, body: `{"adult": {"name": "${ADULT.name}"`, headers: { 'content-type': 'application/json' } })).status).toBe(400);
  expect((await srv.call('GET', `/api/cases?search=${encodeURIComponent(ADULT.name)}`, { as: fire })).status).toBeLessThan(500);
  expect((await srv.call('GET', '/api/cases/no-such-case', { as: police })).status).toBe(404);
  expect((await srv.call('GET', '/api/cases')).status).toBe(401);

  // Close.
  const read = (await ok(await srv.call('GET', `/api/cases/${caseId}`, { as: coordinator }))) as { case: { version: number } };
  const closed = await ok(await srv.call('POST', `/api/cases/${caseId}/closure`, { as: coordinator, json: { reason: 'risk_reduced', rationale: `Invented: ${ADULT.name} is safe.`, expectedVersion: read.case.version } }));
  expect(closed.status).toBe('closed');

  // Lines were written (so this cannot pass on empty output), for every request, each with its correlation id.
  const lines = logs.lines;
  const requests = lines.filter((l) => l.event === 'http.request');
  // Seventeen requests were made above: each is one line.
  expect(requests.length).toBe(17);
  for (const line of requests) expect(line.correlationId).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
  expect(new Set(requests.map((l) => l.correlationId)).size).toBe(requests.length);
  expect(requests.map((l) => l.status)).toEqual(expect.arrayContaining([200, 201, 400, 401, 404]));
  expect(requests.map((l) => l.route)).toEqual(expect.arrayContaining(['/api/referrals', '/api/cases/:id/closure', '/api/messages']));

  // Nobody's personal data: this run's adult, and every demo adult's name, surname, address, postcode and NHS number.
  const cases = await srv.cases();
  const forbidden = new Set<string>([ADULT.name, 'Quibbleworth', 'Ottoline', ADULT.address, 'Zephyr Quillfeather', ADULT.postcode, ADULT.nhsNumber, ADULT.dateOfBirth, 'forty cats']);
  for (const name of DEMO_ADULT_NAMES) for (const part of [name, name.split(' ').at(-1)!]) forbidden.add(part);
  for (const c of cases) {
    for (const value of [c.adult.name, c.adult.address, c.adult.postcode, c.adult.nhsNumber]) if (value) forbidden.add(value);
  }
  expect(cases.filter((c) => c.adult.nhsNumber).length).toBeGreaterThan(0);
  const text = logs.text();
  expect(text.length).toBeGreaterThan(0);
  expect([...forbidden].filter((value) => text.includes(value))).toEqual([]);
});
