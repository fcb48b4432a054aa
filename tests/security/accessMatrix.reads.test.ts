import JSZip from 'jszip';
import type { DemoPersona } from '../../src/demo/personas';
import type { ActionRecord, Agency, CaseRecord } from '../../src/domain/records';
import { RISK_LEVEL_LABELS } from '../../src/domain/labels';
import { can } from '../../src/policies';
import type { Actor } from '../../src/policies/actor';
import { type BotAnswer, press, say } from '../support/botCalls';
import { type DemoServer, inBatches, PERSONAS, startDemoServer } from '../support/demoServer';
import { cardTexts, leakedSecrets, mentions, normalizedProblem, objectsIn, token } from '../support/exposure';
import { CARD_KIND_SUBJECT, CASE_READ_ROUTES, DIRECTORY_ROUTES, LIST_ROUTES, MEETING_READ_ROUTES } from './coverage';

/** The text of a .docx answer's body (word/document.xml without its markup). */
async function docxText(content: ArrayBuffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(content)).file('word/document.xml')!.async('string');
  return xml.replace(/<\/w:p>/g, ' ').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&apos;/g, "'");
}

// The access matrix, read side: every demo persona against every demo case (and a spread of actions) through every
// read path of the real server, with what is allowed computed from the policies themselves (src/policies `can`).
// Failures are collected per surface and shown together, one line per cell: persona, record, surface, what came back.

jest.setTimeout(240_000);

const CONCURRENCY = 4;
const GONE = 'What this card is about no longer exists, or you are not permitted to see it.';
const MISSING_CASE = { id: 'case-does-not-exist', ref: 'CASPA-2026-9999' };

let srv: DemoServer;
let cases: CaseRecord[];
let actions: ActionRecord[];
let agencies: Agency[];
const actors = new Map<string, Actor>();

type Access = 'full' | 'summary' | 'hidden';
const accessOf = (p: DemoPersona, c: CaseRecord): Access => {
  const a = actors.get(p.key)!;
  if (can(a, 'read', 'case', c)) return 'full';
  return can(a, 'readSummary', 'case', c) ? 'summary' : 'hidden';
};
const parentOf = (action: ActionRecord) => (action.parentKind === 'case' ? cases.find((c) => c.id === action.parentId) : undefined);
const mayReadAction = (p: DemoPersona, action: ActionRecord) => can(actors.get(p.key)!, 'read', 'action', { action, parentCase: parentOf(action) });

/** Cells exercised per surface, so a surface that never allowed or never refused anything fails. */
const tally = new Map<string, { allowed: number; refused: number }>();
function cell(surface: string, allowed: boolean) {
  const t = tally.get(surface) ?? { allowed: 0, refused: 0 };
  if (allowed) t.allowed++;
  else t.refused++;
  tally.set(surface, t);
}
const expectBothKinds = (surfaces: string[]) => {
  for (const s of surfaces) {
    expect({ surface: s, allowedCells: (tally.get(s)?.allowed ?? 0) > 0, refusedCells: (tally.get(s)?.refused ?? 0) > 0 }).toEqual({
      surface: s, allowedCells: true, refusedCells: true,
    });
  }
};
const brief = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n)}…` : s);
const label = (p: DemoPersona, c: { id: string; ref?: string; status?: string; restricted?: boolean }) =>
  `${p.key} × ${c.id}${c.ref ? ` ${c.ref}` : ''}${c.status ? ` (${c.status}${c.restricted ? ', restricted' : ''})` : ''}`;

/** Audit rows written since `since` (ids seen before), as (actor, record, action) triples. */
async function auditSince(since: Set<string> = new Set()): Promise<{ ids: Set<string>; has(actorId: string, recordId: string, action: string): boolean }> {
  const rows = await srv.store.transaction((tx) => tx.find('audit'));
  const fresh = rows.filter((r) => !since.has(r.id));
  const keys = new Set(fresh.map((r) => `${r.actorId}|${r.recordId}|${r.action}`));
  return { ids: new Set(rows.map((r) => r.id)), has: (actorId, recordId, action) => keys.has(`${actorId}|${recordId}|${action}`) };
}

/** Agency short names in a card's or answer's text, whole words only. */
const agencyNamesIn = (text: string) => agencies.filter((a) => token(a.shortName).test(text)).map((a) => a.id);

beforeAll(async () => {
  srv = await startDemoServer();
  cases = await srv.cases();
  actions = await srv.actions();
  agencies = await srv.store.transaction((tx) => tx.find('agencies'));
  for (const p of PERSONAS) actors.set(p.key, await srv.actorOf(p));
});
afterAll(async () => {
  await srv?.close();
});

describe('the demo world spans the matrix', () => {
  it('has restricted, draft, referral-stage, live and finished cases, and personas of every role', () => {
    expect(cases.some((c) => c.restricted)).toBe(true);
    expect(cases.some((c) => c.status === 'draft')).toBe(true);
    expect(new Set(cases.map((c) => c.status)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(PERSONAS.flatMap((p) => p.roles))).toEqual(new Set(['coordinator', 'chair', 'partner', 'viewer', 'auditor']));
  });
});

describe('API: routes that open one case', () => {
  it('full read gives the case, summary read the summary only, anything else the 404 of a missing case', async () => {
    const failures: string[] = [];
    const cells = PERSONAS.flatMap((p) => Object.entries(CASE_READ_ROUTES).flatMap(([op, r]) => [...cases, null].map((c) => ({ p, op, r, c }))));
    const missing = new Map<string, { status: number; body: string }>();
    for (const p of PERSONAS) {
      for (const [op, r] of Object.entries(CASE_READ_ROUTES)) {
        const res = await srv.call('GET', r.path(MISSING_CASE), { as: p });
        missing.set(`${p.key}:${op}`, { status: res.status, body: normalizedProblem(await res.json(), [MISSING_CASE.id, MISSING_CASE.ref]) });
      }
    }
    await inBatches(cells.filter((x) => x.c), CONCURRENCY, async ({ p, op, r, c }) => {
      const kase = c!;
      const res = await srv.call('GET', r.path(kase), { as: p });
      const raw = await res.text();
      const what = `${label(p, kase)} GET ${op}`;
      if (res.status >= 500) return void failures.push(`${what}: ${res.status} ${brief(raw)}`);
      const access = accessOf(p, kase);
      const gone = missing.get(`${p.key}:${op}`)!;
      if (op === 'getCaseAudit') {
        const allowed = can(actors.get(p.key)!, 'readAudit', 'case', kase);
        cell('api getCaseAudit', allowed);
        if (allowed && res.status !== 200) failures.push(`${what}: allowed by readAudit but ${res.status} ${brief(raw)}`);
        if (!allowed && res.status === 200) failures.push(`${what}: not allowed readAudit but 200 ${brief(raw)}`);
        if (access === 'hidden') {
          const body = normalizedProblem(JSON.parse(raw), [kase.id, kase.ref]);
          if (res.status !== gone.status || body !== gone.body) failures.push(`${what}: hidden case answered ${res.status} ${brief(body)}; a missing case ${gone.status} ${brief(gone.body)}`);
        }
        if (!allowed && leakedSecrets(raw, kase).length) failures.push(`${what}: refused audit leaks ${leakedSecrets(raw, kase).join(' | ')}`);
        return;
      }
      if (op === 'listSharingDecisions') {
        // A case's information-sharing record is part of the full case: a summary reader is answered as for a missing case.
        cell(`api ${op}`, access === 'full');
        if (access === 'full' && res.status !== 200) failures.push(`${what}: full read allowed but ${res.status} ${brief(raw)}`);
        if (access !== 'full') {
          const body = normalizedProblem(JSON.parse(raw), [kase.id, kase.ref]);
          if (res.status !== gone.status || body !== gone.body) failures.push(`${what}: ${access}, answered ${res.status} ${brief(body)}; a missing case ${gone.status} ${brief(gone.body)}`);
        }
        return;
      }
      cell(`api ${op}`, access !== 'hidden');
      if (access === 'hidden') {
        const body = res.headers.get('content-type')?.startsWith('application/problem+json') ? normalizedProblem(JSON.parse(raw), [kase.id, kase.ref]) : raw;
        if (res.status !== gone.status || body !== gone.body) failures.push(`${what}: hidden, answered ${res.status} ${brief(body)}; a missing case ${gone.status} ${brief(gone.body)}`);
        return;
      }
      if (res.status !== 200) return void failures.push(`${what}: ${access} read allowed but ${res.status} ${brief(raw)}`);
      const view = JSON.parse(raw) as { access?: string; case?: Record<string, unknown> };
      if (view.access !== access) failures.push(`${what}: expected access ${access}, got ${String(view.access)}`);
      if (view.case?.id !== kase.id) failures.push(`${what}: answered about ${String(view.case?.id)}`);
      if (access === 'summary') {
        const leaks = leakedSecrets(raw, kase);
        if (leaks.length) failures.push(`${what}: summary leaks ${leaks.join(' | ')}`);
        const forbidden = ['status', 'receivedAt', 'adult', 'reasons', 'leadAgencyId', 'riskLevel', 'namedMemberIds'].filter((k) => view.case && k in view.case);
        if (forbidden.length) failures.push(`${what}: summary carries ${forbidden.join(', ')}`);
        const own = actors.get(p.key)!.agency.id;
        const others = agencies.map((a) => a.id).filter((id) => id !== own && id !== kase.referrerAgencyId && token(id).test(JSON.stringify(view.case)));
        if (others.length) failures.push(`${what}: summary names other agencies ${others.join(', ')} (which agencies know the adult)`);
      }
    });
    // Rule 1: every such read is audited, 'view' when shown and 'denied' when hidden.
    const audit = await auditSince();
    for (const p of PERSONAS) {
      for (const c of cases) {
        const hidden = accessOf(p, c) === 'hidden';
        if (!audit.has(p.id, c.id, hidden ? 'denied' : 'view')) failures.push(`${label(p, c)} GET getCase: no '${hidden ? 'denied' : 'view'}' audit row`);
        if (hidden && audit.has(p.id, c.id, 'view')) failures.push(`${label(p, c)} GET getCase: hidden, yet audited as 'view'`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('exercised allowed and refused cells on every case route', () => {
    expectBothKinds(Object.keys(CASE_READ_ROUTES).map((op) => `api ${op}`));
  });
});

describe('API: lists and pages that name cases', () => {
  it('name no case the persona may not see, and show no personal data of a case it may not read in full', async () => {
    const failures: string[] = [];
    const meetings = await srv.store.transaction((tx) => tx.find('meetings'));
    const routes = [
      ...Object.entries(LIST_ROUTES).flatMap(([op, paths]) => paths.map((path) => ({ op, path }))),
      ...Object.entries(DIRECTORY_ROUTES).map(([op, path]) => ({ op, path })),
      // Each demo meeting's own view and its stage: the agenda under rule 5, the stage under rule 2.
      ...Object.entries(MEETING_READ_ROUTES).flatMap(([op, path]) => meetings.map((m) => ({ op, path: path(m.id) }))),
    ];
    const cells = PERSONAS.flatMap((p) => routes.map((r) => ({ p, ...r })));
    await inBatches(cells, CONCURRENCY, async ({ p, op, path }) => {
      const res = await srv.call('GET', path, { as: p });
      // A Word document (the minutes) is checked by its text, like any other answer.
      const isDocx = res.status === 200 && res.headers.get('content-type')?.includes('wordprocessingml') === true;
      const raw = isDocx ? await docxText(await res.arrayBuffer()) : await res.text();
      const what = `${p.key} GET ${path}`;
      if (res.status >= 500) return void failures.push(`${what}: ${res.status} ${brief(raw)}`);
      if (res.status !== 200) {
        if (!res.headers.get('content-type')?.startsWith('application/problem+json')) failures.push(`${what}: ${res.status} not problem+json`);
        return;
      }
      const body: unknown = isDocx ? raw : JSON.parse(raw);
      const actor = actors.get(p.key)!;
      const agendaViewer = p.roles.some((r) => r === 'partner' || r === 'chair' || r === 'coordinator');
      for (const c of cases) {
        const access = accessOf(p, c);
        const named = mentions(raw, c);
        const viaAction = actions.some((a) => a.parentKind === 'case' && a.parentId === c.id && mayReadAction(p, a));
        // Rule 5: the agenda shows a non-restricted case's reference to panel members; rule 1: an action line its case.
        const agendaAllowed = (op === 'listMeetings' || op === 'getHome' || op in MEETING_READ_ROUTES) && agendaViewer && !c.restricted;
        const actionAllowed = (op === 'listActions' || op === 'getHome') && viaAction;
        const mayName = op in DIRECTORY_ROUTES ? false : access !== 'hidden' || agendaAllowed || actionAllowed;
        if (!(op in DIRECTORY_ROUTES)) cell(`api ${op}`, mayName);
        if (named && !mayName) failures.push(`${what}: names ${label(p, c)} which it may not see`);
        if (access !== 'full') {
          const leaks = leakedSecrets(raw, c);
          if (leaks.length) failures.push(`${what}: personal data of ${label(p, c)} (${access}): ${leaks.join(' | ')}`);
        }
        if (access === 'summary' && (op === 'listRegister' || op === 'listScreeningQueue')) {
          for (const o of objectsIn(body)) {
            if (o.id !== c.id && o.ref !== c.ref) continue;
            const extra = ['status', 'receivedAt', 'adult', 'leadAgencyId', 'riskLevel'].filter((k) => k in o);
            if (extra.length) failures.push(`${what}: summary-only ${label(p, c)} listed with ${extra.join(', ')}`);
          }
        }
        if ((op === 'listMeetings' || op in MEETING_READ_ROUTES) && !actor.member.roles.some((r) => r !== 'viewer') && named && access === 'hidden') {
          failures.push(`${what}: a viewer sees agenda reference of ${label(p, c)}`);
        }
      }
    });
    expect(failures).toEqual([]);
  });

  it('exercised allowed and refused cells on every list', () => {
    expectBothKinds(Object.keys(LIST_ROUTES).map((op) => `api ${op}`));
  });
});

/** The sentence for an unknown reference, without the "Did you mean" suggestion that depends on the reference typed. */
const unknownSentence = (a: BotAnswer) => (a.texts[0] ?? '').split(' Did you mean')[0]!;

describe('bot: status <ref>', () => {
  it('in a personal chat (rule 1): full, summary, or the unknown-reference sentence', async () => {
    const failures: string[] = [];
    const cells = PERSONAS.flatMap((p) => cases.map((c) => ({ p, c })));
    const unknown = new Map<string, string>();
    for (const p of PERSONAS) unknown.set(p.key, unknownSentence(await say(srv, p, `status ${MISSING_CASE.ref}`, 'personal')));
    expect(unknown.get('coordinator')!.length).toBeGreaterThan(10);
    await inBatches(cells, CONCURRENCY, async ({ p, c }) => {
      const a = await say(srv, p, `status ${c.ref}`, 'personal');
      const what = `${label(p, c)} bot status (personal)`;
      if (a.http !== 200) return void failures.push(`${what}: HTTP ${a.http} ${brief(a.raw)}`);
      const access = accessOf(p, c);
      cell('bot status personal', access !== 'hidden');
      const shown = JSON.stringify({ texts: a.texts, cards: a.cards });
      if (access === 'hidden') {
        if (a.cards.length || !a.texts[0]?.startsWith(unknown.get(p.key)!)) failures.push(`${what}: hidden, answered ${brief(shown)}`);
        if (mentions(shown, c)) failures.push(`${what}: hidden, but the answer names it: ${brief(shown)}`);
        return;
      }
      if (!mentions(shown, c)) failures.push(`${what}: ${access} read allowed, answer does not name the case: ${brief(shown)}`);
      if (access === 'summary') {
        const leaks = leakedSecrets(shown, c);
        if (leaks.length) failures.push(`${what}: summary leaks ${leaks.join(' | ')}`);
        const own = actors.get(p.key)!.agency.id;
        const others = agencyNamesIn(a.cards.flatMap(cardTexts).concat(a.texts).join('\n')).filter((id) => id !== own && id !== c.referrerAgencyId);
        if (others.length) failures.push(`${what}: summary names agencies ${others.join(', ')}`);
      }
    });
    expect(failures).toEqual([]);
    expectBothKinds(['bot status personal']);
  });

  it('in a channel (rule 2): reference, initials and state only; a restricted case reads "Restricted case"', async () => {
    const failures: string[] = [];
    const cells = PERSONAS.flatMap((p) => cases.map((c) => ({ p, c })));
    const unknown = new Map<string, string>();
    for (const p of PERSONAS) unknown.set(p.key, unknownSentence(await say(srv, p, `status ${MISSING_CASE.ref}`, 'channel')));
    await inBatches(cells, CONCURRENCY, async ({ p, c }) => {
      const a = await say(srv, p, `status ${c.ref}`, 'channel');
      const what = `${label(p, c)} bot status (channel)`;
      if (a.http !== 200) return void failures.push(`${what}: HTTP ${a.http} ${brief(a.raw)}`);
      const access = accessOf(p, c);
      const shown = JSON.stringify({ texts: a.texts, cards: a.cards });
      const words = a.cards.flatMap(cardTexts).concat(a.texts).join('\n');
      const leaks = leakedSecrets(shown, c);
      if (leaks.length) failures.push(`${what}: personal data on a shared surface: ${leaks.join(' | ')}`);
      const names = agencyNamesIn(words);
      if (names.length) failures.push(`${what}: agencies named on a shared surface: ${names.join(', ')}`);
      if (c.riskLevel && token(RISK_LEVEL_LABELS[c.riskLevel]).test(words)) failures.push(`${what}: risk level "${RISK_LEVEL_LABELS[c.riskLevel]}" on a shared surface`);
      if (c.restricted) {
        cell('bot status channel', false);
        if (mentions(shown, c) || token(c.initials).test(words)) failures.push(`${what}: restricted case shows its reference or initials: ${brief(words)}`);
        return;
      }
      cell('bot status channel', access !== 'hidden');
      if (access === 'hidden') {
        if (a.cards.length || !a.texts[0]?.startsWith(unknown.get(p.key)!) || mentions(shown, c)) failures.push(`${what}: hidden, answered ${brief(shown)}`);
      } else if (!mentions(shown, c)) failures.push(`${what}: allowed, answer does not name the case: ${brief(shown)}`);
    });
    expect(failures).toEqual([]);
    expectBothKinds(['bot status channel']);
  });
});

/** A spread of actions: every action on a restricted or draft case, and the first of every other parent. */
function sampleActions(): ActionRecord[] {
  const seen = new Map<string, number>();
  return actions.filter((a) => {
    const parent = parentOf(a);
    if (parent?.restricted || parent?.status === 'draft') return true;
    const n = seen.get(a.parentId) ?? 0;
    seen.set(a.parentId, n + 1);
    return n < 1;
  });
}

function cardDataFor(kind: string, subject: { id: string }): Record<string, unknown> {
  switch (CARD_KIND_SUBJECT[kind]!.subject) {
    case 'case': return { card: kind, caseId: subject.id };
    case 'action': return kind === 'escalation' ? { card: kind, actionId: subject.id, thresholdDays: 5 } : { card: kind, actionId: subject.id };
    case 'digest': return { card: kind, digestId: subject.id };
  }
}

describe('cards: refresh of every card kind', () => {
  it('rebuilds a card only for whom the rules allow, otherwise the plain sentence, as for a missing record', async () => {
    const failures: string[] = [];
    const sample = sampleActions();
    const auditBefore = (await auditSince()).ids;
    const cells = PERSONAS.flatMap((p) =>
      Object.keys(CARD_KIND_SUBJECT).flatMap((kind) => {
        const s = CARD_KIND_SUBJECT[kind]!.subject;
        const subjects: { id: string }[] = s === 'case' ? cases : s === 'action' ? sample : [{ id: srv.digestId }];
        return [...subjects, { id: 'record-does-not-exist' }].map((subject) => ({ p, kind, subject }));
      }),
    );
    await inBatches(cells, CONCURRENCY, async ({ p, kind, subject }) => {
      const { conversation, subject: s } = CARD_KIND_SUBJECT[kind]!;
      const a = await press(srv, p, 'refresh', cardDataFor(kind, subject), conversation, 'automatic');
      const what = `${p.key} × ${kind} card on ${subject.id} refresh`;
      if (a.http !== 200 || a.invoke?.statusCode !== 200) return void failures.push(`${what}: HTTP ${a.http} invoke ${a.invoke?.statusCode} ${brief(a.raw)}`);
      const shown = JSON.stringify(a.cards);
      const gotCard = a.cards.length === 1;
      const gone = !gotCard && a.texts.length === 1 && a.texts[0] === GONE;
      if (!gotCard && !gone) return void failures.push(`${what}: neither a card nor the plain sentence: ${brief(a.raw)}`);
      if (subject.id === 'record-does-not-exist') {
        if (!gone) failures.push(`${what}: a missing record gave a card`);
        return;
      }
      // Shared content rules hold whoever sees the card.
      for (const c of cases) {
        const access = accessOf(p, c);
        if (kind !== 'reminder' && kind !== 'escalation' && leakedSecrets(shown, c).length) failures.push(`${what}: personal data of ${c.id} on a shared card`);
        if ((kind === 'reminder' || kind === 'escalation') && access !== 'full' && leakedSecrets(shown, c).length) failures.push(`${what}: personal data of ${label(p, c)} (${access})`);
        const initialsUnique = cases.filter((x) => x.initials === c.initials).length === 1;
        if (s === 'digest' && c.restricted && (mentions(shown, c) || (initialsUnique && token(c.initials).test(cardTexts(a.cards).join('\n'))))) failures.push(`${what}: restricted ${c.id} named on the digest`);
      }
      if (s === 'case') {
        const c = cases.find((x) => x.id === subject.id)!;
        const allowed = accessOf(p, c) !== 'hidden' && c.status !== 'draft';
        cell(`card ${kind} refresh`, allowed);
        if (allowed && !gotCard) failures.push(`${label(p, c)} ${kind} refresh: allowed a card, got "${a.texts[0]}"`);
        if (!allowed && !gone) failures.push(`${label(p, c)} ${kind} refresh: ${c.status === 'draft' ? 'a draft' : 'hidden'}, but got a card: ${brief(cardTexts(a.cards).join(' / '))}`);
        if (gotCard) {
          const names = agencyNamesIn(cardTexts(a.cards).join('\n')).filter((id) => id !== c.referrerAgencyId && id !== actors.get(p.key)!.agency.id);
          if (names.length) failures.push(`${label(p, c)} ${kind} refresh: card names agencies ${names.join(', ')}`);
        }
      } else if (s === 'action') {
        const action = actions.find((x) => x.id === subject.id)!;
        const allowed = mayReadAction(p, action);
        cell(`card ${kind} refresh`, allowed);
        if (allowed && !gotCard) failures.push(`${what} (action on ${action.parentId}): may read the action, got "${a.texts[0]}"`);
        if (!allowed && !gone) failures.push(`${what} (action on ${action.parentId}): may not read the action, got a card: ${brief(cardTexts(a.cards).join(' / '))}`);
      } else {
        // Rule 2 does not say who may refresh the digest; it is shared content, so any active member may.
        cell(`card ${kind} refresh`, gotCard);
      }
    });
    // Rule 1: a card refresh is a read like any other, audited 'view' or 'denied'.
    const audit = await auditSince(auditBefore);
    for (const p of PERSONAS) {
      for (const c of cases) {
        // A draft the persona may read gets no card (rule 3), but whether that is a 'view' or a 'denied' is not said.
        if (c.status === 'draft' && accessOf(p, c) !== 'hidden') continue;
        const allowed = accessOf(p, c) !== 'hidden';
        if (!audit.has(p.id, c.id, allowed ? 'view' : 'denied')) failures.push(`${label(p, c)} newReferral refresh: no '${allowed ? 'view' : 'denied'}' audit row`);
      }
    }
    expect(failures).toEqual([]);
    expectBothKinds(['card newReferral refresh', 'card reminder refresh', 'card escalation refresh']);
    expect(tally.get('card overdueDigest refresh')?.allowed ?? 0).toBeGreaterThan(0);
  });
});
