import { ForbiddenError } from '../domain/errors';
import type { Actor } from './actor';

type Rule<S> = (actor: Actor, subject: S) => boolean;
const rules = new Map<string, Rule<never>[]>();

/**
 * Declares that `actor` may perform each of `abilities` on an entity when `rule` holds
 * (in the manner of Outline's server/policies). Anything not allowed is denied.
 */
export function allow<S>(entity: string, abilities: string[], rule: Rule<S>): void {
  for (const ability of abilities) {
    const key = `${entity}:${ability}`;
    rules.set(key, [...(rules.get(key) ?? []), rule as Rule<never>]);
  }
}

export function can<S>(actor: Actor, ability: string, entity: string, subject: S): boolean {
  if (!actor.member.active) return false;
  return (rules.get(`${entity}:${ability}`) ?? []).some((rule) => (rule as Rule<S>)(actor, subject));
}

export function authorize<S>(actor: Actor, ability: string, entity: string, subject: S, message?: string): void {
  if (!can(actor, ability, entity, subject)) {
    // "recordInvolvement" on "case" → "You are not permitted to record involvement on this case."
    throw new ForbiddenError(message ?? `You are not permitted to ${ability.replace(/([A-Z])/g, ' $1').toLowerCase()} on this ${entity}.`);
  }
}
