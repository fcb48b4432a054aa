import type { CaseRecord } from '../domain/records';
import { formatRef } from '../domain/rules';
import type { Tx } from '../store/port';
import type { Context } from './context';
import { queueNotification } from './notifications';

/** The fields every new referral record starts with, whether submitted at once or saved as a draft first. */
export type IntakeBase = Pick<
  CaseRecord,
  'id' | 'ref' | 'createdAt' | 'updatedAt' | 'referrerMemberId' | 'referrerAgencyId' | 'involvements' | 'namedMemberIds' | 'legalHold'
>;

/** A new record's identity, human reference (next in this year's sequence) and referrer: the acting member. */
export async function intakeBase(ctx: Context, tx: Tx, now: Date): Promise<IntakeBase> {
  const year = now.getUTCFullYear();
  const n = await tx.nextSequence(`ref-${ctx.refPrefix}-${year}`);
  return {
    id: ctx.newId(),
    ref: formatRef(ctx.refPrefix, year, n),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    referrerMemberId: ctx.actor.member.id,
    referrerAgencyId: ctx.actor.member.agencyId,
    involvements: [],
    namedMemberIds: [],
    legalHold: false,
  };
}

/**
 * Queues the new-referral card for the partnership channel. Keyed by the case, so a referral is announced once
 * however it arrived (submitted at once, or as a draft submitted later). Reference only: no personal details.
 */
export async function announceNewReferral(ctx: Context, tx: Tx, c: Pick<CaseRecord, 'id' | 'ref'>): Promise<void> {
  await queueNotification(ctx, tx, 'newReferral', c.id, { caseId: c.id, ref: c.ref });
}
