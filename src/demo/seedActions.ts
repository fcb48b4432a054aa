import type { ActionStatus } from '../domain/enums';
import type { NewRecord } from '../store/port';
import { ACTION_TEMPLATES, COMPLETION_EVIDENCE, PROGRESS_NOTES } from './demoText';
import { type CaseBuild, COORDINATOR, pad, persona, type Seed } from './seedContext';

/** The action plans: live cases share a fixed mix of overdue, done and open actions; closed cases end theirs. */
export function seedActions(seed: Seed) {
  const { rng, clock, data } = seed;
  return { buildActions };


  function buildActions(all: CaseBuild[]): void {
    const live = all.filter((b) => b.spec.status === 'open' || b.spec.status === 'escalated');
    const closed = all.filter((b) => b.spec.status === 'closed');
    const perLiveCase = (b: CaseBuild) => (b.spec.incomplete || b.spec.restricted ? 4 : 5);
    type Slot = 'overdue' | ActionStatus;
    const pool: Slot[] = [
      ...Array<Slot>(12).fill('overdue'), ...Array<Slot>(14).fill('completed'), ...Array<Slot>(2).fill('not_done_agency'),
      ...Array<Slot>(2).fill('not_done_circumstance'), 'cancelled', ...Array<Slot>(17).fill('in_progress'),
      ...Array<Slot>(20).fill('not_started'),
    ];
    const needed = live.reduce((sum, b) => sum + perLiveCase(b), 0);
    if (needed !== pool.length) throw new Error(`demo action plan mismatch: ${needed} slots needed, ${pool.length} planned`);
    const slots = rng.shuffle(pool);
    for (const b of live) {
      for (const [j, owner] of ownersFor(b, perLiveCase(b)).entries()) addAction(b, owner, j, slots.shift()!);
    }
    for (const b of closed) {
      const finals: Slot[] = ['completed', 'completed', 'completed', rng.pick(['not_done_circumstance', 'cancelled'] as const)];
      for (const [j, owner] of ownersFor(b, 4).entries()) addAction(b, owner, j, finals[j]!);
    }
  }

  function ownersFor(b: CaseBuild, count: number): { key: string; template: readonly [string, string] }[] {
    const keys = [b.spec.lead!, ...b.spec.known.filter((k) => k !== b.spec.lead)];
    const used = new Map<string, number>();
    return Array.from({ length: count }, (_, j) => {
      const key = b.spec.status === 'escalated' && j === count - 1 ? 'coordinator' : keys[j % keys.length]!;
      const templates = ACTION_TEMPLATES[key]!;
      const n = used.get(key) ?? 0;
      used.set(key, n + 1);
      return { key, template: templates[n % templates.length]! };
    });
  }

  function addAction(b: CaseBuild, owner: { key: string; template: readonly [string, string] }, j: number, slot: 'overdue' | ActionStatus): void {
    const p = persona(owner.key);
    const createdDay = b.acceptedDay! + 1;
    const last = b.closedDay !== undefined ? b.closedDay - 1 : -1;
    const note = (day: number, text: string) => ({ at: clock.past(day, 15, 10), byMemberId: p.id, note: text });
    const action: NewRecord<'actions'> = {
      id: `act-${pad(data.actions.length + 1, 3)}`, parentKind: 'case', parentId: b.record.id,
      description: owner.template[0], successMeasure: owner.template[1], ownerId: p.id, agencyId: p.agencyId,
      dueDate: '', status: 'not_started', createdAt: clock.past(createdDay, 14, j * 3), createdById: COORDINATOR().id,
      progress: [], dueDateChanges: [],
    };
    switch (slot) {
      case 'overdue': {
        action.dueDate = clock.date(-rng.int(1, Math.min(35, -createdDay - 8)));
        if (rng.chance(0.5)) {
          action.status = 'in_progress';
          action.progress.push(note(rng.int(createdDay + 1, -2), rng.pick(PROGRESS_NOTES)));
        }
        break;
      }
      case 'completed': {
        const doneDay = rng.int(createdDay + 3, Math.min(last, createdDay + 40));
        action.dueDate = clock.date(Math.max(createdDay + 3, doneDay + rng.int(-3, 10)));
        action.status = 'completed';
        if (rng.chance(0.5)) action.progress.push(note(rng.int(createdDay + 1, doneDay), rng.pick(PROGRESS_NOTES)));
        action.completedAt = clock.past(doneDay, 16);
        action.completedById = p.id;
        action.evidence = rng.pick(COMPLETION_EVIDENCE);
        break;
      }
      case 'not_done_agency':
      case 'not_done_circumstance':
      case 'cancelled': {
        const day = rng.int(createdDay + 7, last);
        action.dueDate = clock.date(day);
        action.status = slot;
        action.progress.push(note(day, {
          not_done_agency: 'Not done: no worker was available in the team this month.',
          not_done_circumstance: 'Not done: the adult moved to supported housing, so this is no longer needed.',
          cancelled: 'Cancelled: replaced by the MARAC safety plan.',
        }[slot]));
        break;
      }
      case 'in_progress': {
        const dueDay = rng.int(3, 45);
        action.dueDate = clock.date(dueDay);
        action.status = 'in_progress';
        action.progress.push(note(rng.int(createdDay + 1, -1), rng.pick(PROGRESS_NOTES)));
        if (rng.chance(0.3)) {
          const fromDay = rng.int(createdDay + 7, -1);
          action.dueDateChanges.push({
            at: clock.past(fromDay - 1, 11), byMemberId: p.id, from: clock.date(fromDay), to: action.dueDate,
            reason: 'Waiting for the adult to agree a date for the visit.',
          });
        }
        break;
      }
      default:
        action.dueDate = clock.date(rng.int(5, 60));
    }
    data.actions.push(action);
  }
}
