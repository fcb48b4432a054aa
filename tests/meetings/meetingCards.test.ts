import { commands } from '../../src/commands';
import { execute } from '../../src/kernel/command';
import { makeContext } from '../../src/kernel/context';
import { attachDocuments, MemoryDocuments } from '../../src/kernel/documentStore';
import { createRenderer } from '../../src/notify/render/index';
import type { DeliveryTarget } from '../../src/notify/render';
import type { Store, Tx } from '../../src/store/port';
import { parseCard, textBlocks, textRuns } from '../bot/cardSupport';
import { installApp, outboxRows } from '../notify/support/scenario';
import { GENERAL_CHANNEL } from '../notify/support/teamsActivities';
import { allRecords, getRecord } from '../support/cases';
import { actorOf, createWorld, type World } from '../support/world';
import { at, runMeeting } from './support/meetingFlow';

// The channel cards of a meeting: "agenda published" and "minutes issued", queued by the command in its own unit of
// work and rendered from the records when sent. Shared surfaces: references, initials and item kinds only.

const PUBLIC_URL = 'https://riskpanel.invented.test';
let world: World;
beforeEach(async () => {
  world = await createWorld();
  attachDocuments(world.store, new MemoryDocuments());
  await installApp(world, 'https://smba.invented.test/amer/', ['coordinator']);
});
afterEach(() => world.close());

async function rendered(kind: string): Promise<DeliveryTarget[]> {
  const [row] = await outboxRows(world, kind);
  expect(row).toBeDefined();
  const render = createRenderer({ publicUrl: PUBLIC_URL, now: () => at('2026-07-03T10:05:00Z') });
  return (await world.store.transaction((tx) => render(row!, tx)))!;
}

/** Everything a reader can see on the card: its text and its links. */
const visible = (card: unknown) => [...textBlocks(card), ...textRuns(card), JSON.stringify(card)].join('\n');

async function adultNames(): Promise<string[]> {
  return (await allRecords(world, 'cases')).flatMap((c) => [c.adult.name, ...c.adult.name.split(/\s+/).filter((p) => p.length >= 3)]);
}

describe('the agenda-published card', () => {
  it('goes to the partnership channel with each item by order, kind, reference and initials, and no adult name', async () => {
    const { referral, review } = await runMeeting(world, 'published');
    const targets = await rendered('agendaPublished');
    expect(targets.map((t) => t.ref.conversationId)).toEqual([GENERAL_CHANNEL]);
    const card = targets[0]!.activity.attachments![0]!.content;
    expect(parseCard(card).problems).toEqual([]);
    const text = visible(card);
    expect(text).toContain('Agenda published');
    expect(textRuns(card).join('')).toContain(`1. New referral: ${referral.ref} \u00b7 ${referral.initials}`);
    expect(textRuns(card).join('')).toContain(`${review.ref} \u00b7 ${review.initials}`);
    for (const name of await adultNames()) expect(text).not.toContain(name);
    expect(targets[0]!.activity.summary).not.toMatch(new RegExp((await adultNames()).join('|')));
  });

  it('is written in the same unit of work as the publication: when the outbox write fails, the agenda stays unpublished', async () => {
    // A meeting planned with an agenda, published through a store whose outbox refuses the row.
    let planned = await execute(commands.scheduleMeeting, world.ctx('coordinator', at('2026-06-17T09:00:00Z')), {
      title: 'Invented August panel', startsAt: '2026-08-05T09:30:00Z', lengthMinutes: 60, chairId: 'chair',
      quorum: { coreAgencyIds: ['ag-council'], minCoreShare: 0.5, chairRequired: true },
    }) as { id: string; version: number };
    planned = await execute(commands.editAgenda, world.ctx('coordinator', at('2026-06-17T09:01:00Z')), {
      meetingId: planned.id, expectedVersion: planned.version, edit: { op: 'addAnyOtherBusiness', title: 'Invented: training dates', minutesAllotted: 5 },
    }) as { id: string; version: number };
    const before = { outbox: (await outboxRows(world)).length, audit: (await allRecords(world, 'audit')).length };
    const failing = outboxRefusing(world.store);
    const ctx = makeContext({ store: failing, actor: actorOf('coordinator'), now: () => at('2026-06-17T09:02:00Z') });
    await expect(execute(commands.publishAgenda, ctx, { meetingId: planned.id, expectedVersion: planned.version })).rejects.toThrow(/outbox refused/);
    expect(await getRecord(world, 'meetings', planned.id)).toMatchObject({ status: 'planned', version: planned.version });
    expect((await getRecord(world, 'meetings', planned.id))!.papersIssuedAt).toBeUndefined();
    expect({ outbox: (await outboxRows(world)).length, audit: (await allRecords(world, 'audit')).length }).toEqual(before);

    // The same publication through the real store writes the meeting, its audit event and the card together.
    await execute(commands.publishAgenda, world.ctx('coordinator', at('2026-06-17T09:03:00Z')), { meetingId: planned.id, expectedVersion: planned.version });
    const rows = (await outboxRows(world, 'agendaPublished')).filter((r) => (r.payload as { meetingId: string }).meetingId === planned.id);
    expect(rows.map((r) => r.payload)).toEqual([{ meetingId: planned.id, papersIssuedAt: '2026-06-17T09:03:00.000Z' }]);
  });
});

describe('the minutes-issued card', () => {
  it('links to the document (never attaches it), names decisions by reference and outcome, counts working days against the standard', async () => {
    const { m, referral, review } = await runMeeting(world);
    const rows = await outboxRows(world, 'minutesIssued');
    expect(rows.map((r) => r.payload)).toEqual([{ meetingId: m.id, minutesIssuedAt: '2026-07-03T10:00:00.000Z' }]);
    const targets = await rendered('minutesIssued');
    expect(targets).toHaveLength(1);
    const activity = targets[0]!.activity;
    expect(activity.attachments!.map((a) => a.contentType)).toEqual(['application/vnd.microsoft.card.adaptive']);
    const card = activity.attachments![0]!.content;
    expect(parseCard(card).problems).toEqual([]);
    const runs = textRuns(card).join('');
    expect(runs).toContain(`${referral.ref} \u00b7 ${referral.initials}: Accept`);
    expect(runs).toContain(`${review.ref} \u00b7 ${review.initials}: Continue`);
    // Ended Wednesday 1 July, issued Friday 3 July: 2 working days, within the 3-day standard.
    expect(runs).toContain('2 working days (standard 3 working days: met)');
    expect(runs).toContain('3'); // new actions
    const links = JSON.stringify(card).match(/"url":"[^"]+"/g);
    expect(links).toEqual([`"url":"${PUBLIC_URL}/#/meetings/${m.id}"`, `"url":"${PUBLIC_URL}/#/meetings/${m.id}"`]);
    expect(JSON.stringify(card)).not.toMatch(/UEsDB|base64/); // no zip (docx) content anywhere
    for (const name of await adultNames()) expect(visible(card)).not.toContain(name);
  });
});

/** The same store, but its units of work cannot write an outbox row (as if the write failed mid-command). */
function outboxRefusing(store: Store): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop !== 'transaction') {
        const value = Reflect.get(target, prop, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      }
      return <T>(work: (tx: Tx) => Promise<T>) => target.transaction((tx) => work(new Proxy(tx, {
        get(t, p) {
          if (p === 'append') {
            return (kind: string, record: unknown) => (kind === 'outbox' ? Promise.reject(new Error('outbox refused the row')) : t.append(kind as never, record as never));
          }
          const v = Reflect.get(t, p) as unknown;
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
        },
      })));
    },
  });
}
