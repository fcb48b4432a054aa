import { execute } from '../../src/commands';
import { commands } from '../../src/commands';
import { queries, runQuery } from '../../src/queries';
import { loadOverdueDigestView } from '../../src/queries/cardData';
import { overdueDigestCardOf } from '../../src/cards/cardsFromViews';
import { queueOverdueScan } from '../../src/kernel/overdueScan';
import { caseLabel } from '../../bot/chat/chatContext';
import { createWorld, MEMBERS, type World } from '../support/world';
import { installApp, outboxRows, SCAN_AT, SETTINGS, SETUP_AT } from '../notify/support/scenario';

const SERVICE_URL = 'http://127.0.0.1:9/';
const TITLE = 'Invented review of practice for Mr Q';
const POLICE_ACTION = 'Invented: retrain custody staff on referral routes.';

let world: World;
beforeEach(async () => {
  world = await createWorld();
});
afterEach(() => world.close());

const as = (persona: Parameters<World['ctx']>[0], at = SETUP_AT) => world.ctx(persona, at);

/** A SAR with three recommendations and actions for two agencies, built with the real commands as the coordinator. */
async function reviewWithActions() {
  let review = await execute(commands.createLearningReview, as('coordinator'), { title: TITLE, kind: 'sar', startedOn: '2026-05-01' });
  for (const text of ['Invented: care planning.', 'Invented: MARAC training.', 'Invented: information sharing.']) {
    review = await execute(commands.addRecommendation, as('coordinator'), { reviewId: review.id, text, expectedVersion: review.version });
  }
  const police = await execute(commands.createReviewAction, as('coordinator'), {
    reviewId: review.id, recommendationNumber: 3, description: POLICE_ACTION, successMeasure: 'Invented: staff trained.', ownerId: MEMBERS.police.id, dueDate: '2026-06-10',
  });
  const health = await execute(commands.createReviewAction, as('coordinator'), {
    reviewId: review.id, recommendationNumber: 1, description: 'Invented: audit care plans.', successMeasure: 'Invented: audit done.', ownerId: MEMBERS.health.id, dueDate: '2026-06-12',
  });
  return { review, police, health };
}

describe('learning reviews', () => {
  it('are numbered per kind and year, and only coordinators keep them', async () => {
    const { review, police } = await reviewWithActions();
    expect(review.ref).toBe('SAR 2026-01');
    expect(review.recommendations.map((r) => r.number)).toEqual([1, 2, 3]);
    expect(police).toMatchObject({ parentKind: 'learning_review', parentId: review.id, recommendationNumber: 3, agencyId: 'ag-police', status: 'not_started' });
    const second = await execute(commands.createLearningReview, as('coordinator'), { title: 'Invented second', kind: 'sar', startedOn: '2026-07-01' });
    expect(second.ref).toBe('SAR 2026-02');

    await expect(execute(commands.createLearningReview, as('police'), { title: 'x', kind: 'sar', startedOn: '2026-05-01' })).rejects.toMatchObject({ status: 403 });
    await expect(execute(commands.addRecommendation, as('chair'), { reviewId: review.id, text: 'x' })).rejects.toMatchObject({ status: 403 });
    await expect(execute(commands.createReviewAction, as('coordinator'), {
      reviewId: review.id, recommendationNumber: 9, description: 'x', successMeasure: 'y', ownerId: MEMBERS.police.id, dueDate: '2026-06-10',
    })).rejects.toMatchObject({ status: 400 });
    await expect(execute(commands.addRecommendation, as('coordinator'), { reviewId: 'no-such-review', text: 'x' })).rejects.toMatchObject({ status: 404 });
  });

  it('show each organisation the actions it may read, and the board all of them', async () => {
    const { review, police, health } = await reviewWithActions();
    const forPolice = await runQuery(queries.getLearningReview, as('police'), { reviewId: review.id });
    expect(forPolice.recommendations.flatMap((r) => r.actions.map((a) => a.id))).toEqual([police.id]);
    expect(forPolice.recommendations[2]!.actions[0]).toMatchObject({ sourceLabel: 'SAR 2026-01 rec 3', agencyName: 'Test Police', canSetRag: false });
    expect(forPolice.can).toEqual({ addRecommendation: false, createAction: false });
    const forBoard = await runQuery(queries.getLearningReview, as('viewer'), { reviewId: review.id });
    expect(forBoard.recommendations.flatMap((r) => r.actions.map((a) => a.id)).sort()).toEqual([police.id, health.id].sort());
    const list = await runQuery(queries.listLearningReviews, as('coordinator', SCAN_AT), {});
    expect(list.reviews).toEqual([expect.objectContaining({ ref: 'SAR 2026-01', recommendations: 3, actions: { total: 2, open: 2, overdue: 2, finished: 0 } })]);
    expect(list.can.create).toBe(true);
  });

  it("flow through my actions, the overdue scan and the digest card, which says where they come from and nothing personal", async () => {
    const { police, health } = await reviewWithActions();
    await world.store.transaction(async (tx) => {
      for (const row of await tx.find('outbox')) await tx.update('outbox', { ...row, status: 'sent' });
    });

    const mine = await runQuery(queries.listMyActions, as('police', SCAN_AT), {});
    expect(mine).toEqual([expect.objectContaining({ id: police.id, overdue: true, daysOverdue: 5, sourceLabel: 'SAR 2026-01 rec 3' })]);
    expect(caseLabel(mine[0]!, true)).toBe('SAR 2026-01 rec 3');

    await installApp(world, SERVICE_URL);
    const report = await world.store.transaction((tx) => queueOverdueScan(tx, SCAN_AT, SETTINGS));
    expect(report.overdueActions).toBe(2);
    const [digest] = await outboxRows(world, 'overdueDigest');
    expect(digest!.payload).toMatchObject({
      agencies: [{ agencyId: 'ag-health', actionIds: [health.id] }, { agencyId: 'ag-police', actionIds: [police.id] }],
    });
    const view = await world.store.transaction((tx) => loadOverdueDigestView(tx, digest!.id, { now: SCAN_AT, shared: true }));
    expect(view!.actions.map((l) => [l.ref, l.agency, l.daysOverdue])).toEqual([['SAR 2026-01 rec 1', 'Health', 3], ['SAR 2026-01 rec 3', 'Police', 5]]);
    const card = JSON.stringify(overdueDigestCardOf(view!, 'https://riskpanel.example'));
    expect(card).toContain('SAR 2026-01 rec 3');
    expect(card).toContain('SAR 2026-01 rec 1');
    for (const personal of [TITLE, 'Mr Q', POLICE_ACTION]) expect(card).not.toContain(personal);
  });
});

describe('the board plan', () => {
  async function plan() {
    const meetings = await execute(commands.addPlanObjective, as('coordinator'), {
      planYear: '2026-27', priorityCode: 'SAB1', priorityTitle: 'Invented: effective multi-agency meetings', objective: 'Invented: a clear structure.', successMeasure: 'Invented: guidance in place.',
    });
    const second = await execute(commands.addPlanObjective, as('coordinator'), {
      planYear: '2026-27', priorityCode: 'SAB1', priorityTitle: 'ignored: the priority keeps its title', objective: 'Invented: risks identified.', successMeasure: 'Invented: audit.',
    });
    await execute(commands.addPlanObjective, as('coordinator'), {
      planYear: '2026-27', priorityCode: 'SAB2', priorityTitle: 'Invented: mental capacity', objective: 'Invented: guidance.', successMeasure: 'Invented: feedback.',
    });
    const action = await execute(commands.createPlanAction, as('coordinator'), {
      objectiveId: second.id, description: 'Invented: audit engagement in meetings.', successMeasure: 'Invented: audit report.', ownerId: MEMBERS.police.id, dueDate: '2026-09-30',
    });
    return { meetings, second, action };
  }

  it('nests priorities, objectives and actions; the owner sets the RAG status with a reason', async () => {
    const { second, action } = await plan();
    expect(second).toMatchObject({ priorityCode: 'SAB1', objectiveNumber: 2, priorityTitle: 'Invented: effective multi-agency meetings' });
    const rated = await execute(commands.setActionRag, as('police'), { actionId: action.id, rating: 'amber', reason: 'Invented: audit tool late.', expectedVersion: action.version });
    expect(rated.rag).toMatchObject({ rating: 'amber', reason: 'Invented: audit tool late.', byMemberId: MEMBERS.police.id });

    const view = await runQuery(queries.getBoardPlan, as('viewer'), { planYear: '2026-27' });
    expect(view.priorities.map((p) => [p.code, p.objectives.map((o) => o.objectiveNumber)])).toEqual([['SAB1', [1, 2]], ['SAB2', [1]]]);
    expect(view.priorities[0]!.objectives[1]!.actions[0]).toMatchObject({ id: action.id, sourceLabel: 'Board plan SAB1.2', rag: { rating: 'amber' }, canSetRag: false });
    const forOwner = await runQuery(queries.getBoardPlan, as('police'), {});
    expect(forOwner.priorities[0]!.objectives[1]!.actions[0]!.canSetRag).toBe(true);

    // Fire may not read a police action of the plan: hidden answers as missing. A viewer reads it but changes nothing.
    await expect(execute(commands.setActionRag, as('fire'), { actionId: action.id, rating: 'red', reason: 'x' })).rejects.toMatchObject({ status: 404 });
    await expect(execute(commands.setActionRag, as('viewer'), { actionId: action.id, rating: 'red', reason: 'x' })).rejects.toMatchObject({ status: 403 });
    await expect(execute(commands.setActionRag, as('police'), { actionId: action.id, rating: 'red', reason: '' })).rejects.toMatchObject({ status: 400 });
    await expect(execute(commands.addPlanObjective, as('chair'), { priorityCode: 'SAB3', priorityTitle: 'x', objective: 'y', successMeasure: 'z' })).rejects.toMatchObject({ status: 403 });
  });

  it('keeps RAG for board-plan actions only', async () => {
    const { police } = await reviewWithActions();
    await expect(execute(commands.setActionRag, as('police'), { actionId: police.id, rating: 'green', reason: 'Invented.' })).rejects.toMatchObject({ status: 409 });
  });
});
