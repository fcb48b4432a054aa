import { CHAIN_HEAD_ID } from '../../src/audit/chain';
import type { DemoPersona } from '../../src/demo/personas';
import type { ActionRecord, CaseRecord } from '../../src/domain/records';
import { can } from '../../src/policies';
import type { Actor } from '../../src/policies/actor';
import { apiRoutes } from '../../src/server/routes';
import type { Kind } from '../../src/store/port';
import { KINDS } from '../../src/store/schema';
import { type BotAnswer, press } from '../support/botCalls';
import { type DemoServer, inBatches, PERSONAS, startDemoServer } from '../support/demoServer';
import { normalizedProblem } from '../support/exposure';
import { ACTION_WRITE_BODIES, CARD_KIND_SUBJECT, CASE_WRITE_BODIES, VERB_KINDS } from './coverage';

// Rule 4, through the real server: a write on a case the persona may not read even in summary, or on an action it may
// not read, answers exactly as for a missing record (the same 404 problem, or on a card the same plain answer) and
// changes nothing. The refused cells run first, on the untouched demo; then one allowed cell per persona and write
// proves the same request on a record the persona may see is answered differently (so the comparison can fail).

jest.setTimeout(240_000);

const CONCURRENCY = 4;
const PER_PERSONA = 3;
const MISSING = { caseId: 'case-does-not-exist', actionId: 'action-does-not-exist' };

let srv: DemoServer;
let cases: CaseRecord[];
let actions: ActionRecord[];
const actors = new Map<string, Actor>();

const parentOf = (action: ActionRecord) => (action.parentKind === 'case' ? cases.find((c) => c.id === action.parentId) : undefined);
const seesCase = (p: DemoPersona, c: CaseRecord) => can(actors.get(p.key)!, 'readSummary', 'case', c);
const seesAction = (p: DemoPersona, a: ActionRecord) => can(actors.get(p.key)!, 'read', 'action', { action: a, parentCase: parentOf(a) });

/** Hidden records for a persona: restricted and draft first (the sharpest cases), then the rest, a few of each. */
function hiddenCases(p: DemoPersona): CaseRecord[] {
  const hidden = cases.filter((c) => !seesCase(p, c));
  return [...hidden.filter((c) => c.restricted), ...hidden.filter((c) => c.status === 'draft'), ...hidden.filter((c) => !c.restricted && c.status !== 'draft')].slice(0, PER_PERSONA);
}
function hiddenActions(p: DemoPersona): ActionRecord[] {
  const hidden = actions.filter((a) => !seesAction(p, a));
  return [...hidden.filter((a) => parentOf(a)?.restricted), ...hidden.filter((a) => !parentOf(a)?.restricted)].slice(0, PER_PERSONA);
}

/**
 * Every record but the audit trail and its chain head (a refusal is itself audited), by kind and id, with its version:
 * taken before and after all the refused cells, so any write they let through shows as a record added, removed or at a
 * new version.
 */
async function dump(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  await srv.store.transaction(async (tx) => {
    for (const kind of KINDS.filter((k): k is Kind => k !== 'audit')) {
      for (const row of (await tx.find(kind)) as { id?: string; version?: number }[]) {
        if (kind === 'counters' && row.id === CHAIN_HEAD_ID) continue;
        out.set(`${kind}/${row.id ?? JSON.stringify(row)}`, String(row.version ?? JSON.stringify(row)));
      }
    }
  });
  return out;
}
function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).map((k) => `${k}: ${before.get(k) ?? 'absent'} → ${after.get(k) ?? 'absent'}`);
}

const brief = (s: string, n = 200) => (s.length > n ? `${s.slice(0, n)}…` : s);

beforeAll(async () => {
  srv = await startDemoServer();
  cases = await srv.cases();
  actions = await srv.actions();
  for (const p of PERSONAS) actors.set(p.key, await srv.actorOf(p));
});
afterAll(async () => {
  await srv?.close();
});

const writeRoutes = apiRoutes.filter((r) => r.operationId in CASE_WRITE_BODIES || r.operationId in ACTION_WRITE_BODIES);
const pathOf = (path: string, id: string) => path.replace(/:[A-Za-z]+/, encodeURIComponent(id));

describe('API writes on what the persona may not see', () => {
  it('answer byte for byte as for a missing record, and change nothing', async () => {
    expect(writeRoutes.length).toBe(Object.keys(CASE_WRITE_BODIES).length + Object.keys(ACTION_WRITE_BODIES).length);
    const failures: string[] = [];
    let refused = 0;
    const cells = writeRoutes.flatMap((r) =>
      PERSONAS.flatMap((p) => {
        const onAction = r.operationId in ACTION_WRITE_BODIES;
        const targets: { id: string; version: number; label: string }[] = onAction
          ? hiddenActions(p).map((a) => ({ id: a.id, version: a.version, label: `action ${a.id} on ${a.parentId}` }))
          : hiddenCases(p).map((c) => ({ id: c.id, version: c.version, label: `${c.id} ${c.ref} (${c.status}${c.restricted ? ', restricted' : ''})` }));
        return targets.map((t) => ({ r, p, t, onAction }));
      }),
    );
    const before = await dump();
    await inBatches(cells, CONCURRENCY, async ({ r, p, t, onAction }) => {
      const body = (onAction ? ACTION_WRITE_BODIES : CASE_WRITE_BODIES)[r.operationId]!(t.version);
      const missingId = onAction ? MISSING.actionId : MISSING.caseId;
      const hidden = await srv.call(r.method.toUpperCase(), pathOf(r.path, t.id), { as: p, json: body });
      const gone = await srv.call(r.method.toUpperCase(), pathOf(r.path, missingId), { as: p, json: body });
      const hiddenText = await hidden.text();
      const goneText = await gone.text();
      const what = `${p.key} ${r.method.toUpperCase()} ${r.operationId} on hidden ${t.label}`;
      refused++;
      const norm = (res: Response, text: string, id: string) =>
        (res.headers.get('content-type') ?? '').startsWith('application/problem+json') ? normalizedProblem(JSON.parse(text), [id]) : text;
      const h = norm(hidden, hiddenText, t.id);
      const g = norm(gone, goneText, missingId);
      if (hidden.status !== gone.status || h !== g) failures.push(`${what}: answered ${hidden.status} ${brief(h)}; a missing record ${gone.status} ${brief(g)}`);
      if (gone.status !== 404) failures.push(`${p.key} ${r.operationId} on a missing record: ${gone.status} ${brief(g)}`);
    });
    const changed = changes(before, await dump());
    expect(failures).toEqual([]);
    expect(changed).toEqual([]);
    expect(refused).toBeGreaterThan(0);
  });
});

/** What a persona sees of a card answer, with the named record's id replaced so hidden and missing compare. */
const shownOf = (a: BotAnswer, id: string) => JSON.stringify({ http: a.http, status: a.invoke?.statusCode, texts: a.texts, cards: a.cards }).split(id).join('<id>');

function cardData(kind: string, verb: string, id: string): Record<string, unknown> {
  const typed = { note: 'Invented security-test note.', dueDate: '2026-12-01', reason: 'Invented reason.' };
  switch (CARD_KIND_SUBJECT[kind]!.subject) {
    case 'case': return { card: kind, caseId: id, ...typed };
    case 'action': return { card: kind, actionId: id, ...(kind === 'escalation' ? { thresholdDays: 5 } : {}), ...typed, verb };
    case 'digest': return { card: kind, digestId: srv.digestId, actionId: id, ...typed };
  }
}

describe('card presses on what the persona may not see', () => {
  const writeVerbs = Object.entries(VERB_KINDS).filter(([, k]) => k !== 'read');

  it('answer exactly as for a missing record, and change nothing', async () => {
    const failures: string[] = [];
    let refused = 0;
    const cells = writeVerbs.flatMap(([verb, k]) =>
      Object.entries(CARD_KIND_SUBJECT)
        // Involvement is answered on the new-referral card; action verbs on the cards that carry action lines.
        .filter(([, s]) => (k === 'caseWrite' ? s.subject === 'case' : s.subject !== 'case'))
        .flatMap(([kind, s]) =>
          PERSONAS.flatMap((p) =>
            (k === 'caseWrite' ? hiddenCases(p).map((c) => ({ id: c.id, label: `${c.id} ${c.ref} (${c.status}${c.restricted ? ', restricted' : ''})` }))
              : hiddenActions(p).map((a) => ({ id: a.id, label: `action ${a.id} on ${a.parentId}` })))
              // The digest card rebuilds every listed action on each press: one hidden action per persona is enough there.
              .slice(0, s.subject === 'digest' ? 1 : PER_PERSONA)
              .map((t) => ({ verb, kind, conversation: s.conversation, p, t, missing: k === 'caseWrite' ? MISSING.caseId : MISSING.actionId })),
          ),
        ),
    );
    const before = await dump();
    await inBatches(cells, CONCURRENCY, async ({ verb, kind, conversation, p, t, missing }) => {
      const hidden = await press(srv, p, verb, cardData(kind, verb, t.id), conversation);
      const gone = await press(srv, p, verb, cardData(kind, verb, missing), conversation);
      refused++;
      const what = `${p.key} ${verb} on ${kind} card for hidden ${t.label}`;
      const h = shownOf(hidden, t.id);
      const g = shownOf(gone, missing);
      if (h !== g) failures.push(`${what}: answered ${brief(h)}; a missing record ${brief(g)}`);
    });
    const changed = changes(before, await dump());
    expect(failures).toEqual([]);
    expect(changed).toEqual([]);
    expect(refused).toBeGreaterThan(0);
  });
});

describe('the same writes on records the persona may see', () => {
  // Run after the refused cells: these may change the demo (that is what they are for).
  it('are answered differently from a missing record, so the comparison above can fail', async () => {
    const failures: string[] = [];
    let allowed = 0;
    for (const r of writeRoutes) {
      const onAction = r.operationId in ACTION_WRITE_BODIES;
      for (const p of PERSONAS.filter((x) => ['coordinator', 'police', 'fire'].includes(x.key))) {
        const fresh = onAction ? await srv.actions() : await srv.cases();
        const target = onAction
          ? (fresh as ActionRecord[]).find((a) => seesAction(p, a) && a.status !== 'completed')
          : (fresh as CaseRecord[]).find((c) => seesCase(p, c));
        if (!target) continue;
        const body = (onAction ? ACTION_WRITE_BODIES : CASE_WRITE_BODIES)[r.operationId]!(target.version);
        const missingId = onAction ? MISSING.actionId : MISSING.caseId;
        const seen = await srv.call(r.method.toUpperCase(), pathOf(r.path, target.id), { as: p, json: body });
        const gone = await srv.call(r.method.toUpperCase(), pathOf(r.path, missingId), { as: p, json: body });
        const s = await seen.text();
        const g = await gone.text();
        allowed++;
        if (seen.status >= 500) failures.push(`${p.key} ${r.operationId} on ${target.id}: ${seen.status} ${brief(s)}`);
        const same = seen.status === gone.status
          && (seen.status < 400 || normalizedProblem(JSON.parse(s), [target.id]) === normalizedProblem(JSON.parse(g), [missingId]));
        if (same) failures.push(`${p.key} ${r.operationId} on visible ${target.id}: answered as for a missing record (${seen.status} ${brief(s)})`);
      }
    }
    expect(failures).toEqual([]);
    expect(allowed).toBeGreaterThanOrEqual(writeRoutes.length);
  });

  it('card presses on a visible record get a card, not the plain sentence', async () => {
    const failures: string[] = [];
    let allowed = 0;
    const writeVerbs = Object.entries(VERB_KINDS).filter(([, k]) => k !== 'read');
    for (const [verb, k] of writeVerbs) {
      for (const [kind, s] of Object.entries(CARD_KIND_SUBJECT)) {
        if (k === 'caseWrite' ? s.subject !== 'case' : s.subject === 'case') continue;
        for (const p of PERSONAS.filter((x) => ['coordinator', 'police'].includes(x.key))) {
          const target = k === 'caseWrite'
            ? (await srv.cases()).find((c) => seesCase(p, c) && ['submitted', 'info_requested', 'listed'].includes(c.status))
            : (await srv.actions()).find((a) => seesAction(p, a));
          if (!target) continue;
          const a = await press(srv, p, verb, cardData(kind, verb, target.id), s.conversation);
          allowed++;
          if (a.cards.length !== 1) failures.push(`${p.key} ${verb} on ${kind} card for visible ${target.id}: no card, "${a.texts[0] ?? brief(a.raw)}"`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(allowed).toBeGreaterThan(0);
  });
});
