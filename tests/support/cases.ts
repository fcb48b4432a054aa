import { addActionProgress } from '../../src/commands/addActionProgress';
import { execute } from '../../src/kernel/command';
import { createAction } from '../../src/commands/createAction';
import { placeReferralOnAgenda } from '../../src/commands/placeReferralOnAgenda';
import { recordScreeningDecision } from '../../src/commands/recordScreeningDecision';
import { submitReferral } from '../../src/commands/submitReferral';
import type { ActionRecord, CaseRecord, Meeting } from '../../src/domain/records';
import type { Kind, RecordMap } from '../../src/store/port';
import { MEMBERS, type Persona, referralInput, type World } from './world';

// Builders that reach a state by running the real commands, so a test starts where real users would leave a record.

/** A referral in 'submitted', made by `persona` (police by default). */
export function createSubmittedReferral(world: World, persona: Persona = 'police', overrides: Record<string, unknown> = {}): Promise<CaseRecord> {
  return execute(submitReferral, world.ctx(persona), referralInput(overrides));
}

/** A referral in 'listed' by the coordinator, on `meetingId`'s agenda when one is given. */
export async function createListedReferral(world: World, persona: Persona = 'police', opts: { meetingId?: string } = {}): Promise<CaseRecord> {
  const referral = await createSubmittedReferral(world, persona);
  return execute(placeReferralOnAgenda, world.ctx('coordinator'), { caseId: referral.id, ...opts });
}

export interface OpenCaseOptions {
  /** Who refers; by default also the lead professional, in their own agency (the referrer keeps case responsibility). */
  referrer?: Persona;
  leadAgencyId?: string;
  leadProfessionalId?: string;
  riskLevel?: string;
  nextReviewDate?: string;
  referral?: Record<string, unknown>;
}

/** An accepted case (status 'open'), screened by the coordinator. */
export async function createOpenCase(world: World, opts: OpenCaseOptions = {}): Promise<CaseRecord> {
  const referrer = MEMBERS[opts.referrer ?? 'police'];
  const referral = await createSubmittedReferral(world, opts.referrer ?? 'police', opts.referral);
  return execute(recordScreeningDecision, world.ctx('coordinator'), {
    caseId: referral.id,
    outcome: 'accept',
    rationale: 'Invented rationale: risk is unmanageable by one agency.',
    leadAgencyId: opts.leadAgencyId ?? referrer.agencyId,
    leadProfessionalId: opts.leadProfessionalId ?? referrer.id,
    riskLevel: opts.riskLevel ?? 'high',
    ...(opts.nextReviewDate ? { nextReviewDate: opts.nextReviewDate } : {}),
  });
}

/** An action on a case, owned by `ownerPersona`, created by the coordinator; `started` adds a first progress note. */
export async function createActionOn(
  world: World,
  caseId: string,
  ownerPersona: Persona = 'police',
  overrides: Record<string, unknown> & { started?: boolean } = {},
): Promise<ActionRecord> {
  const { started, ...fields } = overrides;
  const action = await execute(createAction, world.ctx('coordinator'), {
    caseId,
    description: 'Invented action: arrange a joint home visit.',
    successMeasure: 'Visit held and notes shared.',
    ownerId: MEMBERS[ownerPersona].id,
    dueDate: '2026-07-01',
    ...fields,
  });
  if (!started) return action;
  return execute(addActionProgress, world.ctx('coordinator'), { actionId: action.id, note: 'Visit booked.' });
}

/** A meeting inserted directly: meetings are set up by the meetings slice's commands, not these. */
export function insertMeeting(world: World, overrides: Partial<Meeting> = {}): Promise<Meeting> {
  return world.store.transaction((tx) =>
    tx.insert('meetings', {
      id: `meeting-${overrides.status ?? 'planned'}-${overrides.startsAt ?? '2026-07-01T09:30:00Z'}`,
      title: 'Invented July panel',
      startsAt: '2026-07-01T09:30:00Z',
      chairId: MEMBERS.chair.id,
      status: 'planned',
      quorum: { coreAgencyIds: ['ag-council', 'ag-police', 'ag-health'], minCoreShare: 0.5, chairRequired: true },
      ...overrides,
    }),
  );
}

export function getRecord<K extends Kind>(world: World, kind: K, id: string): Promise<RecordMap[K] | undefined> {
  return world.store.transaction((tx) => tx.get(kind, id));
}

export function allRecords<K extends Kind>(world: World, kind: K): Promise<RecordMap[K][]> {
  return world.store.transaction((tx) => tx.find(kind));
}

/** Audit events about one record, oldest first. */
export async function auditOf(world: World, recordId: string) {
  const events = await world.store.transaction((tx) => tx.find('audit', { where: [{ field: 'recordId', op: 'eq', value: recordId }] }));
  return events.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id, undefined, { numeric: true }));
}

const WATCHED: Kind[] = ['cases', 'actions', 'chronology', 'decisions', 'agendaItems', 'audit', 'outbox'];

/**
 * Row counts and record versions across the kinds commands write: equal snapshots before and after a refused
 * command prove it changed nothing.
 */
export async function snapshot(world: World): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  await world.store.transaction(async (tx) => {
    for (const kind of WATCHED) {
      const rows = await tx.find(kind);
      out[kind] = rows.length;
      out[`${kind}:versions`] = rows.map((r) => `${r.id}@${r.version}`).join(',');
    }
  });
  return out;
}

/** The snapshot a refused command leaves: the same, plus one 'denied' audit event for a forbidden one. */
export function withoutAudit(s: Record<string, number | string>): Record<string, number | string> {
  const { audit: _a, 'audit:versions': _v, ...rest } = s;
  return rest;
}
