import type { DraftAgendaItem } from './agenda';
import { ValidationError } from './errors';
import { stripBidiControls } from './formats';

/**
 * The coordinator's edits to an agenda, as pure functions: each takes the items, returns a new list (the input is
 * never changed) with orders renumbered 1..n, and refuses bad input with a ValidationError so the command that calls
 * it answers 400 and changes nothing. Items are named by their order (1-based), as the coordinator sees them; the
 * command checks the agenda's version, so an order always means the item the coordinator was looking at.
 */
export interface AgendaLine { order: number; minutesAllotted: number }

/** A minute at least, and no single item longer than a whole long meeting. */
export const MIN_ITEM_MINUTES = 1;
export const MAX_ITEM_MINUTES = 240;
/** Short, because it is shown on the agenda card in the channel. */
export const MAX_AOB_TITLE = 120;

const refuse = (field: string, message: string): never => {
  throw new ValidationError([{ field, message }]);
};

/** The items in their running order, orders set to 1..n from their position in the list given. */
export function renumber<T extends AgendaLine>(items: readonly T[]): T[] {
  return items.map((item, i) => ({ ...item, order: i + 1 }));
}

/** Sorted by order (stable for equal orders), as copies. */
const inOrder = <T extends AgendaLine>(items: readonly T[]): T[] => [...items].sort((a, b) => a.order - b.order);

function indexOf<T extends AgendaLine>(items: readonly T[], order: number, field = 'order'): number {
  if (!Number.isInteger(order) || order < 1 || order > items.length) {
    refuse(field, items.length ? `Choose an item from 1 to ${items.length}, not ${String(order)}.` : 'The agenda has no items.');
  }
  return order - 1;
}

export function checkMinutes(minutes: number, field = 'minutesAllotted'): number {
  if (!Number.isInteger(minutes) || minutes < MIN_ITEM_MINUTES || minutes > MAX_ITEM_MINUTES) {
    refuse(field, `An item's time must be a whole number of minutes from ${MIN_ITEM_MINUTES} to ${MAX_ITEM_MINUTES}.`);
  }
  return minutes;
}

/** Move the item at `from` so it becomes item `to`; the others close up around it. */
export function moveItem<T extends AgendaLine>(items: readonly T[], from: number, to: number): T[] {
  const list = inOrder(items);
  const i = indexOf(list, from, 'from');
  const j = indexOf(list, to, 'to');
  const [moved] = list.splice(i, 1);
  list.splice(j, 0, moved!);
  return renumber(list);
}

export function moveItemUp<T extends AgendaLine>(items: readonly T[], order: number): T[] {
  indexOf(items, order);
  if (order === 1) refuse('order', 'The first item cannot move up.');
  return moveItem(items, order, order - 1);
}

export function moveItemDown<T extends AgendaLine>(items: readonly T[], order: number): T[] {
  indexOf(items, order);
  if (order === items.length) refuse('order', 'The last item cannot move down.');
  return moveItem(items, order, order + 1);
}

export function removeItem<T extends AgendaLine>(items: readonly T[], order: number): T[] {
  const list = inOrder(items);
  list.splice(indexOf(list, order), 1);
  return renumber(list);
}

/** Insert an item so it becomes item `at` (default: last). */
export function insertItem<T extends AgendaLine>(items: readonly T[], item: T, at: number = items.length + 1): T[] {
  const list = inOrder(items);
  if (!Number.isInteger(at) || at < 1 || at > list.length + 1) refuse('at', `Choose a place from 1 to ${list.length + 1}, not ${String(at)}.`);
  checkMinutes(item.minutesAllotted);
  list.splice(at - 1, 0, item);
  return renumber(list);
}

export function retimeItem<T extends AgendaLine>(items: readonly T[], order: number, minutes: number): T[] {
  const list = inOrder(items);
  const i = indexOf(list, order);
  list[i] = { ...list[i]!, minutesAllotted: checkMinutes(minutes) };
  return renumber(list);
}

/**
 * An "any other business" item. Its title goes on shared surfaces (the agenda card, the stage), so it is kept to one
 * short line; naming no adult is the coordinator's duty, which the tab says beside the field.
 */
export function anyOtherBusinessItem(title: string, minutes: number, presentingAgencyId?: string): DraftAgendaItem {
  const clean = stripBidiControls(title).trim();
  if (!clean) refuse('title', 'Give the item a short title.');
  if (clean.length > MAX_AOB_TITLE) refuse('title', `Keep the title to ${MAX_AOB_TITLE} characters.`);
  if (/[\r\n]/.test(clean)) refuse('title', 'Keep the title to one line.');
  return {
    order: 0,
    kind: 'any_other_business',
    title: clean,
    ...(presentingAgencyId ? { presentingAgencyId } : {}),
    minutesAllotted: checkMinutes(minutes),
    alsoBecause: [],
    overdueActions: 0,
  };
}

/** Add any other business to a draft agenda, last unless `at` says where. */
export function addAnyOtherBusiness(
  items: readonly DraftAgendaItem[],
  title: string,
  minutes: number,
  at?: number,
): DraftAgendaItem[] {
  return insertItem(items, anyOtherBusinessItem(title, minutes), at);
}
