import { cardRef, verbSchema } from '../../bot/actions/cardActionData';
import { CARD_KINDS, CARD_VERBS } from '../../src/cards/universalActions';
import { apiRoutes } from '../../src/server/routes';
import {
  ACTION_WRITE_BODIES, CARD_KIND_SUBJECT, CASE_READ_ROUTES, CASE_WRITE_BODIES, CREATE_ROUTES, DIRECTORY_ROUTES, GOVERNANCE_ROUTES, LIST_ROUTES, MEETING_READ_ROUTES,
  MEETING_ARRIVAL_ROUTES, MEETING_WRITE_ROUTES, VERB_KINDS,
} from './coverage';
import { BOARD_WORK_ROUTES } from './coverage';

// The matrix must grow with the product: a route, card verb or card kind that the access matrix does not cover fails
// here, and so does an entry in the matrix that no longer exists.

const groups: Record<string, string[]> = {
  caseRead: Object.keys(CASE_READ_ROUTES),
  list: Object.keys(LIST_ROUTES),
  directory: Object.keys(DIRECTORY_ROUTES),
  caseWrite: Object.keys(CASE_WRITE_BODIES),
  actionWrite: Object.keys(ACTION_WRITE_BODIES),
  create: CREATE_ROUTES,
  meetingRead: Object.keys(MEETING_READ_ROUTES),
  meetingWrite: Object.keys(MEETING_WRITE_ROUTES),
  governance: Object.keys(GOVERNANCE_ROUTES),
  meetingArrival: Object.keys(MEETING_ARRIVAL_ROUTES),
  boardWork: Object.keys(BOARD_WORK_ROUTES),
};
const groupOf = (operationId: string) => Object.entries(groups).filter(([, ids]) => ids.includes(operationId)).map(([g]) => g);

describe('the access matrix covers', () => {
  it('every route of the route table, each in exactly one group', () => {
    const uncovered = apiRoutes.filter((r) => groupOf(r.operationId).length !== 1).map((r) => `${r.method} ${r.path} (${r.operationId}): ${groupOf(r.operationId).join(', ') || 'not in the matrix'}`);
    expect(uncovered).toEqual([]);
    expect(apiRoutes.length).toBeGreaterThan(20);
  });

  it('no route that no longer exists', () => {
    const known = new Set(apiRoutes.map((r) => r.operationId));
    expect(Object.values(groups).flat().filter((id) => !known.has(id))).toEqual([]);
  });

  it('every route that names a record, in the group for its kind of record', () => {
    const wrong = apiRoutes.flatMap((r) => {
      // Members and agencies are not adults' records: the governance matrix judges those routes.
      if (groupOf(r.operationId).includes('governance')) return [];
      // Learning reviews and plan objectives hold no adult's data: their own matrix (accessMatrix.boardWork) judges them.
      if (groupOf(r.operationId).includes('boardWork')) return [];
      const fields = Object.values(r.params ?? {});
      if (!fields.length) return r.method === 'get' ? [] : groupOf(r.operationId).includes('create') ? [] : [`${r.operationId}: a write naming no record, not in CREATE_ROUTES`];
      const expected = fields.includes('meetingId')
        ? (r.method === 'get' ? 'meetingRead' : r.operationId in MEETING_ARRIVAL_ROUTES ? 'meetingArrival' : 'meetingWrite')
        : r.method === 'get' ? 'caseRead' : fields.includes('actionId') ? 'actionWrite' : 'caseWrite';
      return groupOf(r.operationId).includes(expected) ? [] : [`${r.operationId} (${fields.join(', ')}): expected in ${expected}`];
    });
    expect(wrong).toEqual([]);
  });

  it('every card verb, in the card verb schema and in the matrix', () => {
    expect([...CARD_VERBS].sort()).toEqual(Object.keys(VERB_KINDS).sort());
    expect([...verbSchema.options].sort()).toEqual(Object.keys(VERB_KINDS).sort());
  });

  it('every card kind, in the card schema and in the matrix', () => {
    const schemaKinds = cardRef.options.map((o) => (o.shape.card as unknown as { value: string }).value);
    expect([...CARD_KINDS].sort()).toEqual(Object.keys(CARD_KIND_SUBJECT).sort());
    expect([...schemaKinds].sort()).toEqual(Object.keys(CARD_KIND_SUBJECT).sort());
  });
});
