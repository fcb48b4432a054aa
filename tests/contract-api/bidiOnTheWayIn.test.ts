import { execute } from '../../src/kernel/command';
import { submitReferral } from '../../src/commands/submitReferral';
import { addChronologyEntry } from '../../src/commands/addChronologyEntry';
import { recordScreeningDecision } from '../../src/commands/recordScreeningDecision';
import { type World, createWorld, referralInput } from '../support/world';

// Issue 8 item 5: text with direction controls is stored without them, so no surface (tab, card, chat) can show
// "evil" as "live" or reorder initials, whatever it forgets to isolate.
describe('direction controls are removed from what is stored', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(() => world.close());

  it('from the adult\'s name (and so the initials) and the narrative of a referral', async () => {
    const created = await execute(submitReferral, world.ctx('police'), referralInput({
      adult: { name: '\u202EEve\u202C \u2067Lawson\u2069 Invented', postcode: 'lu1 1aa' },
      reasons: 'Invented: the \u202Eevil\u202C door is blocked.',
    }));
    const stored = (await world.store.transaction((tx) => tx.get('cases', created.id)))!;
    expect(stored.adult.name).toBe('Eve Lawson Invented');
    expect(stored.initials).toBe('E.L.I.');
    expect(stored.reasons).toBe('Invented: the evil door is blocked.');
    expect(stored.adult.postcode).toBe('LU1 1AA');
  });

  it('from a chronology entry\'s summary', async () => {
    const created = await execute(submitReferral, world.ctx('police'), referralInput());
    await execute(recordScreeningDecision, world.ctx('coordinator'), {
      caseId: created.id, outcome: 'accept', rationale: 'Invented.', leadAgencyId: 'ag-police', leadProfessionalId: 'police',
      riskLevel: 'high', nextReviewDate: '2026-07-15',
    });
    const entry = await execute(addChronologyEntry, world.ctx('police'), {
      caseId: created.id, occurredAt: '2026-06-14T10:00:00Z', type: 'incident', summary: '\u2066Invented\u2069 visit \u200F', significance: 'low',
    });
    expect(entry.summary).toBe('Invented visit');
  });
});
