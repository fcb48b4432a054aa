import fc from 'fast-check';
import type { z } from 'zod';
import { cardRef, involvementData } from '../../bot/actions/cardActionData';
import { CARD_VERBS } from '../../src/cards/universalActions';
import type { ActionRecord, CaseRecord } from '../../src/domain/records';
import { apiRoutes } from '../../src/server/routes';
import type { RouteSpec } from '../../src/server/routeTable';
import type { Kind } from '../../src/store/port';
import { invokeActivity } from '../bot/botHttp';
import { press } from '../support/botCalls';
import { type DemoServer, PERSONAS, startDemoServer } from '../support/demoServer';
import {
  applyMutation, deepJson, fieldsOf, type Json, jsonSchemaOf, type Mutation, mustRefuse, mutationOf, objectOf, POLLUTION_KEYS, withoutFields,
} from '../support/schemaArbitraries';

// Bad input, generated from the zod schemas with fast-check, through the real HTTP server: every API route of the
// route table and every card verb. Whatever comes in: no 5xx, an API refusal is problem+json, a bot answer is a card or
// a plain message, and a refused request changes nothing (no record kind gains or loses a row, the record it named
// keeps its version). Seeded, and small enough to run in well under two minutes on a busy 2-core machine.

jest.setTimeout(180_000);

const SEED = 20_261_207;
const RUNS_PER_ROUTE = 12;
const RUNS_PER_VERB = 16;

let srv: DemoServer;
let cases: CaseRecord[];
let actions: ActionRecord[];
const coordinator = PERSONAS.find((p) => p.roles.includes('coordinator'))!;

beforeAll(async () => {
  srv = await startDemoServer();
  cases = await srv.cases();
  actions = await srv.actions();
});
afterAll(async () => {
  await srv?.close();
});

/** Rows per kind; audit rows are left out of the comparison because a refused read or write is itself audited. */
async function snapshot(recordId?: string): Promise<{ counts: Partial<Record<Kind, number>>; version?: number }> {
  const { audit: _audit, ...counts } = await srv.counts();
  if (!recordId) return { counts };
  const version = await srv.store.transaction(async (tx) => (await tx.get('cases', recordId))?.version ?? (await tx.get('actions', recordId))?.version);
  return { counts, ...(version !== undefined ? { version } : {}) };
}

/** The input schemas a route's operation validates with. */
function inputSchemas(spec: RouteSpec): z.ZodType[] {
  const op = spec.operation;
  switch (op.kind) {
    case 'command': return [op.command.input];
    case 'query': return [op.query.input];
    case 'queryBy': return Object.values(op.queries).map((q) => q.input);
    case 'handler': return [op.input];
  }
}

const ids = (spec: RouteSpec) => Object.values(spec.params ?? {});
const isProblem = (res: Response) => (res.headers.get('content-type') ?? '').startsWith('application/problem+json');

/** Ids to put in the path: real records of every kind the path may name, and hostile strings. */
function pathIds(spec: RouteSpec): fc.Arbitrary<string> {
  const fields = ids(spec);
  const real = fields.includes('actionId')
    ? actions.slice(0, 6).map((a) => a.id)
    : fields.includes('ref')
      ? cases.slice(0, 6).map((c) => c.ref)
      : [...new Set([cases.find((c) => c.status === 'draft'), cases.find((c) => c.status === 'submitted'), cases.find((c) => c.status === 'open'), cases.find((c) => c.restricted)].filter(Boolean).map((c) => c!.id))];
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...real) },
    { weight: 1, arbitrary: fc.constantFrom('..', '%2e%2e%2f', '__proto__', 'constructor', 'x'.repeat(500), '%00', '\u202e', "' OR 1=1 --", '*') },
  );
}

const fillPath = (spec: RouteSpec, id: string) => spec.path.replace(/:[A-Za-z]+/g, () => encodeURIComponent(id));

describe('API routes refuse bad input cleanly', () => {
  const writes = apiRoutes.filter((r) => r.method !== 'get');
  const reads = apiRoutes.filter((r) => r.method === 'get');

  it('covers every route of the table', () => {
    expect(writes.length).toBeGreaterThan(10);
    expect(reads.length).toBeGreaterThan(5);
    expect(writes.length + reads.length).toBe(apiRoutes.length);
  });

  describe.each(writes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))('%s', (_name, spec) => {
    it('answers generated bad bodies with a 4xx problem and no write', async () => {
      const schemas = inputSchemas(spec).map((s) => withoutFields(jsonSchemaOf(s), ids(spec)));
      const failures: string[] = [];
      let refused = 0;
      let mustBeRefused = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...schemas).chain((s) => fc.tuple(fc.constant(s), objectOf(s), mutationOf(s))),
          pathIds(spec),
          fc.constantFrom(coordinator, ...PERSONAS.filter((p) => p.roles.includes('partner')).slice(0, 2)),
          async ([schema, base, mutation], id, persona) => {
            const route = fillPath(spec, id);
            const before = await snapshot(spec.params ? id : undefined);
            const res = await srv.call(spec.method.toUpperCase(), route, { as: persona, body: applyMutation(base, mutation), headers: { 'content-type': 'application/json' } });
            const raw = await res.text();
            const what = `${persona.key} ${spec.method.toUpperCase()} ${route.slice(0, 80)} ${describeMutation(mutation)}`;
            const { properties, strict } = fieldsOf(schema);
            const refuse = mustRefuse(mutation, strict, (f) => properties[f]?.maxLength);
            if (refuse) mustBeRefused++;
            if (res.status >= 500) failures.push(`${what}: ${res.status} ${raw.slice(0, 200)}`);
            if (res.status >= 400) {
              refused++;
              if (!isProblem(res)) failures.push(`${what}: ${res.status} is not problem+json`);
              const after = await snapshot(spec.params ? id : undefined);
              if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${what}: refused with ${res.status} but changed ${diff(before, after)}`);
            } else if (refuse) failures.push(`${what}: accepted with ${res.status}`);
          },
        ),
        { numRuns: RUNS_PER_ROUTE, seed: SEED, endOnFailure: true },
      );
      expect(failures).toEqual([]);
      // The generator did produce input a correct server must refuse, and the server did refuse some.
      expect(mustBeRefused).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
    });

    it('refuses a body that is not JSON, or not said to be JSON, and deep nesting', async () => {
      const id = (await fc.sample(pathIds(spec), { numRuns: 1, seed: SEED }))[0]!;
      const route = fillPath(spec, id);
      const bodies: { body: string; type: string; why: string }[] = [
        { body: '{"unterminated": ', type: 'application/json', why: 'truncated JSON' },
        { body: 'caseId=1&known=true', type: 'application/x-www-form-urlencoded', why: 'a form' },
        { body: '{}', type: 'text/plain', why: 'JSON sent as text/plain' },
        { body: '<xml/>', type: 'application/xml', why: 'XML' },
        { body: deepJson(20_000), type: 'application/json', why: '20,000 nested arrays' },
        { body: `{"a":${deepJson(5_000)}}`, type: 'application/json', why: 'a field 5,000 arrays deep' },
        { body: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}', type: 'application/json', why: '__proto__ key' },
        { body: 'x'.repeat(150_000), type: 'application/json', why: 'a body over the size limit' },
      ];
      const failures: string[] = [];
      for (const { body, type, why } of bodies) {
        const before = await snapshot(spec.params ? id : undefined);
        const res = await srv.call(spec.method.toUpperCase(), route, { as: coordinator, body, headers: { 'content-type': type } });
        const raw = await res.text();
        if (res.status < 400 || res.status >= 500) failures.push(`${why}: ${res.status} ${raw.slice(0, 160)}`);
        if (!isProblem(res)) failures.push(`${why}: not problem+json`);
        const after = await snapshot(spec.params ? id : undefined);
        if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${why}: changed ${diff(before, after)}`);
      }
      expect(failures).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  describe.each(reads.map((r) => [`GET ${r.path}`, r] as const))('%s', (_name, spec) => {
    it('answers generated bad query strings with no 5xx, a problem on refusal, and no write', async () => {
      const schemas = inputSchemas(spec).map((s) => withoutFields(jsonSchemaOf(s), ids(spec)));
      const keys = [...new Set(schemas.flatMap((s) => Object.keys(fieldsOf(s).properties))), ...POLLUTION_KEYS, 'scope', 'unexpected'];
      const value = fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom('\u0000', '\u202eevil', '-1', '1e400', 'NaN', 'true', '[]', '{}', 'x'.repeat(5_000), '%', '%ZZ'),
      );
      const failures: string[] = [];
      let answered = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.constantFrom(...keys), fc.constantFrom('', '[]', '[polluted]'), value), { minLength: 1, maxLength: 5 }),
          pathIds(spec),
          fc.constantFrom(...PERSONAS.slice(0, 6)),
          async (pairs, id, persona) => {
            const query = pairs.map(([k, suffix, v]) => `${encodeURIComponent(k)}${suffix}=${v.startsWith('%') ? v : encodeURIComponent(v)}`).join('&');
            const route = `${fillPath(spec, id)}?${query}`;
            const before = await snapshot();
            const res = await srv.call('GET', route, { as: persona });
            const raw = await res.text();
            answered++;
            const what = `${persona.key} GET ${route.slice(0, 120)}`;
            if (res.status >= 500) failures.push(`${what}: ${res.status} ${raw.slice(0, 200)}`);
            if (res.status >= 400 && !isProblem(res)) failures.push(`${what}: ${res.status} not problem+json`);
            const after = await snapshot();
            if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${what}: a read changed ${diff(before, after)}`);
          },
        ),
        { numRuns: RUNS_PER_ROUTE, seed: SEED },
      );
      expect(failures).toEqual([]);
      expect(answered).toBe(RUNS_PER_ROUTE);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });
});

const CARD_FIELDS: Record<string, string[]> = { newReferral: ['card', 'caseId'], overdueDigest: ['card', 'digestId'], reminder: ['card', 'actionId'], escalation: ['card', 'actionId'] };

describe('card verbs refuse bad data cleanly', () => {
  const cardSchema = jsonSchemaOf(cardRef);
  const inputs = jsonSchemaOf(involvementData);
  // The schema a card button's data is checked with: which card (by its ids) and what was typed into it.
  const merged = { type: 'object', properties: { ...fieldsOf(cardSchema).properties, ...fieldsOf(inputs).properties, dueDate: { type: 'string' }, reason: { type: 'string' } }, required: ['card'] };

  function baseFor(kind: string): Record<string, Json> {
    const open = cases.find((c) => c.status === 'submitted') ?? cases[0]!;
    const action = actions.find((a) => a.status !== 'completed') ?? actions[0]!;
    switch (kind) {
      case 'newReferral': return { card: kind, caseId: open.id, note: 'Invented note.' };
      case 'overdueDigest': return { card: kind, digestId: srv.digestId, actionId: action.id, note: 'Invented.' };
      case 'escalation': return { card: kind, actionId: action.id, thresholdDays: 5, dueDate: '2026-12-01', reason: 'Invented.' };
      default: return { card: kind, actionId: action.id, note: 'Invented.' };
    }
  }

  it.each([...CARD_VERBS])('%s: always a card or a plain message, and a refused press changes nothing', async (verb) => {
    const failures: string[] = [];
    let answered = 0;
    let checkedNoChange = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(CARD_FIELDS)),
        mutationOf(merged),
        fc.constantFrom(...PERSONAS),
        fc.constantFrom<'personal' | 'channel'>('personal', 'channel'),
        async (kind, mutation, persona, conversation) => {
          const data = JSON.parse(applyMutation(baseFor(kind), mutation)) as Record<string, unknown>;
          const named = typeof data.caseId === 'string' ? data.caseId : typeof data.actionId === 'string' ? data.actionId : undefined;
          const before = await snapshot(named);
          const a = await press(srv, persona, verb, data, conversation);
          answered++;
          const what = `${persona.key} ${verb} on ${kind} card (${conversation}) ${describeMutation(mutation)}`;
          if (a.http !== 200) return void failures.push(`${what}: HTTP ${a.http} ${a.raw.slice(0, 200)}`);
          if (a.invoke?.statusCode !== 200) failures.push(`${what}: invoke status ${a.invoke?.statusCode}`);
          if (a.cards.length + a.texts.length !== 1) failures.push(`${what}: neither one card nor one message: ${a.raw.slice(0, 200)}`);
          const refusedForSure = ['wrongType', 'missingRequired', 'deepNesting', 'notAnObject'].includes(mutation.kind)
            && ('field' in mutation ? CARD_FIELDS[kind]!.includes(mutation.field) : true);
          if (refusedForSure) {
            checkedNoChange++;
            const after = await snapshot(named);
            if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${what}: changed ${diff(before, after)}`);
          }
        },
      ),
      { numRuns: RUNS_PER_VERB, seed: SEED },
    );
    expect(failures).toEqual([]);
    expect(answered).toBe(RUNS_PER_VERB);
    expect(checkedNoChange).toBeGreaterThan(0);
  });

  it('unknown verbs and hostile activities get a plain answer, never a 5xx', async () => {
    const failures: string[] = [];
    const p = PERSONAS[0]!;
    for (const verb of ['', 'deleteCase', '__proto__', 'refresh\u202e', 'x'.repeat(10_000)]) {
      const a = await press(srv, p, verb, { card: 'newReferral', caseId: cases[0]!.id }, 'personal');
      if (a.http !== 200 || a.cards.length + a.texts.length !== 1) failures.push(`verb ${JSON.stringify(verb.slice(0, 20))}: ${a.http} ${a.raw.slice(0, 160)}`);
    }
    const invoke = invokeActivity({ aadObjectId: p.aadObjectId }, 'refresh', { card: 'newReferral', caseId: cases[0]!.id }, 'personal');
    const hostile: { body: string; type: string; why: string }[] = [
      { body: '{"type": ', type: 'application/json', why: 'truncated JSON' },
      { body: JSON.stringify(invoke), type: 'text/plain', why: 'an activity sent as text/plain' },
      { body: JSON.stringify({ ...invoke, value: deepJson(0) }), type: 'application/json', why: 'an invoke with an array value' },
      { body: JSON.stringify({ ...invoke, value: null }), type: 'application/json', why: 'an invoke with no value' },
      { body: JSON.stringify({ ...invoke, from: { id: 'x' } }), type: 'application/json', why: 'an invoke from no one' },
      { body: JSON.stringify({ ...invoke, type: 'message', text: `status ${'9'.repeat(5_000)}` }), type: 'application/json', why: 'a huge message' },
      { body: `{"a":${deepJson(5_000)}}`, type: 'application/json', why: 'deep nesting' },
    ];
    for (const { body, type, why } of hostile) {
      const before = await snapshot();
      const res = await fetch(`${srv.url}/api/messages`, { method: 'POST', headers: { 'content-type': type }, body });
      const raw = await res.text();
      if (res.status >= 500) failures.push(`${why}: ${res.status} ${raw.slice(0, 160)}`);
      const after = await snapshot();
      if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${why}: changed ${diff(before, after)}`);
    }
    expect(failures).toEqual([]);
  });
});

function describeMutation(m: Mutation): string {
  switch (m.kind) {
    case 'wrongType':
    case 'extraField': return `${m.kind} ${m.field}=${JSON.stringify(m.value).slice(0, 40)}`;
    case 'missingRequired': return `${m.kind} ${m.field}`;
    case 'hostileString': return `${m.kind} ${m.field}=${JSON.stringify(m.value).slice(0, 40)}`;
    case 'hugeString': return `${m.kind} ${m.field} (${m.length} chars)`;
    case 'deepNesting': return `${m.kind} ${m.field} (${m.depth} deep)`;
    case 'notAnObject': return `body ${JSON.stringify(m.value)}`;
  }
}

function diff(before: { counts: Partial<Record<Kind, number>>; version?: number }, after: { counts: Partial<Record<Kind, number>>; version?: number }): string {
  const kinds = Object.keys(after.counts).filter((k) => before.counts[k as Kind] !== after.counts[k as Kind]);
  const parts = kinds.map((k) => `${k} ${before.counts[k as Kind]}→${after.counts[k as Kind]}`);
  if (before.version !== after.version) parts.push(`version ${before.version}→${after.version}`);
  return parts.join(', ');
}
