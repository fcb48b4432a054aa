import { planYearOf, reviewRef, reviewSequenceName } from '../domain/boardWork';
import type { ActionRecord } from '../domain/records';
import { addDays, londonDate } from '../domain/time';
import { appendAuditEvent } from '../audit/chain';
import type { NewRecord, Store } from '../store/port';
import { demoPersona } from './personas';
import { CORRELATION } from './seedContext';

/*
 * The demo's learning review and board plan (invented, after seeds 001 and 002): one Safeguarding Adults Review with
 * three recommendations and actions for the police and the mental health trust, and a plan with two priorities. Loaded
 * after the partnership (src/main.ts, scripts/resetDemo.ts) and only once: a second call finds the review and stops.
 * Dates are relative to `now`, so the police action is always a few days overdue and shows in the digest.
 */

const REVIEW_ID = 'demo-review-1';

export async function seedBoardWork(store: Store, now: Date): Promise<{ learningReviews: number; planObjectives: number; actions: number }> {
  return store.transaction(async (tx) => {
    if (await tx.get('learningReviews', REVIEW_ID)) return { learningReviews: 0, planObjectives: 0, actions: 0 };
    const today = londonDate(now);
    const at = (days: number) => `${addDays(today, days)}T10:00:00.000Z`;
    const coordinator = demoPersona('coordinator');
    const audit = async (recordType: string, recordId: string, change: Record<string, unknown>) => {
      await appendAuditEvent(tx, {
        id: `aud-board-${recordId}`, idempotencyKey: `seed:board:${recordId}`, at: at(-60), actorId: coordinator.id, actorAgencyId: coordinator.agencyId,
        action: 'create', recordType, recordId, change, correlationId: CORRELATION,
      });
    };

    const startedOn = addDays(today, -120);
    const year = Number(startedOn.slice(0, 4));
    const ref = reviewRef('sar', year, await tx.nextSequence(reviewSequenceName('sar', year)));
    const recommendations = [
      'Partner agencies review how care planning and risk assessment involve the adult, their carers and every agency involved.',
      'Each agency confirms which staff groups must know when and how to refer to MARAC, and monitors their training.',
      'Mental health services and the police review their information-sharing protocol for adults at risk.',
    ].map((text, i) => ({ id: `demo-rec-${i + 1}`, number: i + 1, text, addedAt: at(-60), addedById: coordinator.id }));
    await tx.insert('learningReviews', {
      id: REVIEW_ID, ref, title: 'Invented review: self-neglect and missed contacts (Adult D)', kind: 'sar', startedOn,
      publishedOn: addDays(today, -60), status: 'published', recommendations, createdAt: at(-120), createdById: coordinator.id,
    });
    await audit('learningReview', REVIEW_ID, { ref, kind: 'sar', status: 'published' });

    const plan = planYearOf(today);
    const objectives = [
      { code: 'SAB1', title: 'Effective multi-agency meetings', objective: 'An effective structure supports multi-agency work to prevent safeguarding need.', measure: 'Guidance in place and used; practitioner feedback.' },
      { code: 'SAB1', title: 'Effective multi-agency meetings', objective: 'Meetings identify risk and the actions to take, with the adult\'s voice heard.', measure: 'Audit of engagement in meetings.' },
      { code: 'SAB2', title: 'Mental capacity', objective: 'Front-line practitioners assess capacity to consent consistently.', measure: 'Guidance disseminated; case file audit.' },
    ];
    const numbers = new Map<string, number>();
    for (const [i, o] of objectives.entries()) {
      const objectiveNumber = (numbers.get(o.code) ?? 0) + 1;
      numbers.set(o.code, objectiveNumber);
      await tx.insert('planObjectives', {
        id: `demo-objective-${i + 1}`, planYear: plan, priorityCode: o.code, priorityTitle: o.title, objectiveNumber, objective: o.objective,
        successMeasure: o.measure, createdAt: at(-90), createdById: coordinator.id,
      });
      await audit('planObjective', `demo-objective-${i + 1}`, { planYear: plan, priorityCode: o.code, objectiveNumber });
    }

    const action = (id: string, persona: string, parent: Pick<ActionRecord, 'parentKind' | 'parentId'> & Partial<ActionRecord>, description: string, successMeasure: string, dueIn: number): NewRecord<'actions'> => {
      const owner = demoPersona(persona);
      return {
        id, description, successMeasure, ownerId: owner.id, agencyId: owner.agencyId, dueDate: addDays(today, dueIn), status: 'not_started',
        createdAt: at(-55), createdById: coordinator.id, progress: [], dueDateChanges: [], ...parent,
      };
    };
    const actions: NewRecord<'actions'>[] = [
      action('demo-board-action-1', 'police', { parentKind: 'learning_review', parentId: REVIEW_ID, recommendationNumber: 3 },
        'Review the information-sharing protocol with ELFT and report to the board.', 'Revised protocol signed by both agencies.', -6),
      {
        ...action('demo-board-action-2', 'elft', { parentKind: 'learning_review', parentId: REVIEW_ID, recommendationNumber: 3 },
          'Agree the mental health side of the information-sharing protocol with the police.', 'Revised protocol signed by both agencies.', 21),
        status: 'in_progress', progress: [{ at: at(-10), byMemberId: demoPersona('elft').id, note: 'First draft shared with the police.' }],
      },
      action('demo-board-action-3', 'elft', { parentKind: 'learning_review', parentId: REVIEW_ID, recommendationNumber: 1 },
        'Audit twenty care plans for the adult\'s and carers\' involvement.', 'Audit report to the quality group.', 35),
      action('demo-board-action-4', 'policelead', { parentKind: 'learning_review', parentId: REVIEW_ID, recommendationNumber: 2 },
        'Confirm which police teams need MARAC referral training and track completion.', 'Training completion figures to the board.', 49),
      {
        ...action('demo-board-action-5', 'coordinator', { parentKind: 'board_plan', parentId: 'demo-objective-1' },
          'Review how multi-agency meetings for adults at risk run across the partnership.', 'Report to the board with recommendations.', 30),
        status: 'in_progress', rag: { rating: 'green', reason: 'Survey of practitioners complete; on track.', at: at(-7), byMemberId: coordinator.id },
      },
      {
        ...action('demo-board-action-6', 'socialworker', { parentKind: 'board_plan', parentId: 'demo-objective-2' },
          'Audit engagement of adults and advocates in ten risk meetings.', 'Audit findings and follow-up actions.', 60),
        rag: { rating: 'amber', reason: 'Audit tool agreed late; fieldwork starts next month.', at: at(-5), byMemberId: demoPersona('socialworker').id },
      },
      {
        ...action('demo-board-action-7', 'ccs', { parentKind: 'board_plan', parentId: 'demo-objective-3' },
          'Finish and disseminate the capacity to consent guidance for district nurses.', 'Guidance issued; practitioner feedback collected.', 14),
        rag: { rating: 'red', reason: 'Legal review outstanding; date at risk.', at: at(-3), byMemberId: demoPersona('ccs').id },
      },
    ];
    for (const a of actions) {
      await tx.insert('actions', a);
      await audit('action', a.id, { parentKind: a.parentKind, parentId: a.parentId, ownerId: a.ownerId, agencyId: a.agencyId, dueDate: a.dueDate });
    }
    return { learningReviews: 1, planObjectives: objectives.length, actions: actions.length };
  });
}

