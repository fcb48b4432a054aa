import {
  addAnyOtherBusiness, anyOtherBusinessItem, insertItem, moveItem, moveItemDown, moveItemUp, removeItem, renumber, retimeItem,
} from '../../src/domain/agendaEdits';
import { ValidationError } from '../../src/domain/errors';

// Stored items carry ids; the helpers keep whatever else an item holds.
const items = () => [
  { id: 'a', order: 1, minutesAllotted: 15 },
  { id: 'b', order: 2, minutesAllotted: 10 },
  { id: 'c', order: 3, minutesAllotted: 10 },
  { id: 'd', order: 4, minutesAllotted: 5 },
];
const ids = (list: { id?: string; order: number }[]) => list.map((i) => `${i.order}:${i.id}`);

function refused(fn: () => unknown, field: string): void {
  let caught: unknown;
  try { fn(); } catch (e) { caught = e; }
  expect(caught).toBeInstanceOf(ValidationError);
  expect((caught as ValidationError).problems.map((p) => p.field)).toEqual([field]);
}

describe('agenda edits', () => {
  it('moves an item to a position, the others closing up, orders renumbered', () => {
    expect(ids(moveItem(items(), 4, 1))).toEqual(['1:d', '2:a', '3:b', '4:c']);
    expect(ids(moveItem(items(), 1, 3))).toEqual(['1:b', '2:c', '3:a', '4:d']);
    expect(ids(moveItem(items(), 2, 2))).toEqual(['1:a', '2:b', '3:c', '4:d']);
  });

  it('moves up and down, refusing to move past either end', () => {
    expect(ids(moveItemUp(items(), 3))).toEqual(['1:a', '2:c', '3:b', '4:d']);
    expect(ids(moveItemDown(items(), 1))).toEqual(['1:b', '2:a', '3:c', '4:d']);
    refused(() => moveItemUp(items(), 1), 'order');
    refused(() => moveItemDown(items(), 4), 'order');
  });

  it('removes an item and closes the gap', () => {
    expect(ids(removeItem(items(), 2))).toEqual(['1:a', '2:c', '3:d']);
  });

  it('re-times one item and leaves the rest', () => {
    expect(retimeItem(items(), 2, 25).map((i) => i.minutesAllotted)).toEqual([15, 25, 10, 5]);
  });

  it('works from the items\' orders, not the array\'s sequence, and never changes its input', () => {
    const shuffled = [items()[2]!, items()[0]!, items()[3]!, items()[1]!];
    const before = JSON.stringify(shuffled);
    expect(ids(moveItemUp(shuffled, 2))).toEqual(['1:b', '2:a', '3:c', '4:d']);
    expect(JSON.stringify(shuffled)).toBe(before);
  });

  it('inserts an item where asked, last by default', () => {
    expect(ids(insertItem(items(), { id: 'e', order: 0, minutesAllotted: 5 }))).toEqual(['1:a', '2:b', '3:c', '4:d', '5:e']);
    expect(ids(insertItem(items(), { id: 'e', order: 0, minutesAllotted: 5 }, 2))).toEqual(['1:a', '2:e', '3:b', '4:c', '5:d']);
    refused(() => insertItem(items(), { id: 'e', order: 0, minutesAllotted: 5 }, 6), 'at');
  });

  it('adds any other business with a clean one-line title', () => {
    const added = addAnyOtherBusiness([], '  Training dates \u202E ', 10);
    expect(added).toEqual([{ order: 1, kind: 'any_other_business', title: 'Training dates', minutesAllotted: 10, alsoBecause: [], overdueActions: 0 }]);
    expect(addAnyOtherBusiness(added, 'Room booking', 5, 1).map((i) => [i.order, i.title])).toEqual([[1, 'Room booking'], [2, 'Training dates']]);
    refused(() => anyOtherBusinessItem('   ', 5), 'title');
    refused(() => anyOtherBusinessItem('x'.repeat(121), 5), 'title');
    refused(() => anyOtherBusinessItem('two\nlines', 5), 'title');
  });

  it('refuses orders that are not items and times that are not whole minutes in range', () => {
    refused(() => moveItem(items(), 0, 1), 'from');
    refused(() => moveItem(items(), 1, 5), 'to');
    refused(() => removeItem(items(), 1.5), 'order');
    refused(() => removeItem([], 1), 'order');
    refused(() => retimeItem(items(), 1, 0), 'minutesAllotted');
    refused(() => retimeItem(items(), 1, 241), 'minutesAllotted');
    refused(() => retimeItem(items(), 1, 7.5), 'minutesAllotted');
    refused(() => retimeItem(items(), 1, Number.NaN), 'minutesAllotted');
  });

  it('renumber sets orders from the list\'s sequence', () => {
    expect(renumber([{ order: 9, minutesAllotted: 1 }, { order: 3, minutesAllotted: 2 }])).toEqual([{ order: 1, minutesAllotted: 1 }, { order: 2, minutesAllotted: 2 }]);
  });
});
