import type { ImportFieldName, ImportRow } from '../../../../src/contract';

/** What each importable field is called on the page (the README lists the same fields). */
export const FIELD_LABELS: Record<ImportFieldName, string> = {
  reference: 'Reference',
  adultName: "Adult's name",
  dateOfBirth: 'Date of birth',
  nhsNumber: 'NHS number',
  postcode: 'Postcode',
  referringAgency: 'Referring agency',
  receivedDate: 'Date received',
  riskCategories: 'Risk categories',
  reasons: 'Reasons for referral',
  status: 'Status',
  leadAgency: 'Lead agency',
  closedDate: 'Date closed',
  closureReason: 'Closure reason',
  actionDescription: 'Action',
  actionAgency: "Action's agency",
  actionOwnerEmail: "Action owner's email",
  actionDueDate: 'Action due date',
  actionStatus: 'Action status',
  actionCompletedDate: 'Action completed date',
};

export const KIND_LABELS: Record<ImportRow['kind'], string> = { case: 'Case', action: 'Action', caseAndAction: 'Case and action' };

export const PREVIEW_OUTCOMES: Record<ImportRow['outcome'], string> = { create: 'Will be created', exists: 'Already imported', refused: 'Refused' };
export const RESULT_OUTCOMES: Record<ImportRow['outcome'], string> = { create: 'Created', exists: 'Already imported', refused: 'Refused' };
