import type { Kind } from './port';

/**
 * The fields each kind may be filtered or ordered on. The SQLite adapter indexes them; the SharePoint adapter
 * makes them indexed columns. A query on any other field is a programming error, caught in tests.
 */
export const INDEXED_FIELDS: Readonly<Record<Kind, readonly string[]>> = {
  agencies: ['shortName', 'active'],
  members: ['email', 'aadObjectId', 'agencyId', 'active'],
  cases: ['ref', 'status', 'leadAgencyId', 'referrerAgencyId', 'nextReviewDate', 'riskLevel'],
  riskAssessments: ['caseId'],
  actions: ['parentId', 'ownerId', 'agencyId', 'status', 'dueDate'],
  chronology: ['caseId'],
  meetings: ['startsAt', 'status'],
  agendaItems: ['meetingId', 'caseId'],
  decisions: ['caseId', 'meetingId'],
  attendance: ['meetingId'],
  audit: ['recordId', 'actorId', 'at'],
  outbox: ['status'],
  counters: [],
  conversations: ['conversationId', 'memberId', 'isPartnershipChannel', 'active'],
  leases: [],
};

export const KINDS = Object.keys(INDEXED_FIELDS) as Kind[];
