import type { CaseStatus, RiskLevel } from '../src/domain/enums';

// Words people use for the vocabularies the bot shows. Complete records, so a new enum value fails the build until it
// has a label. (The tab keeps its own copy in tabs/src/labels.ts: the bot must not import browser code.)

export const STATUS_LABELS: Record<CaseStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  info_requested: 'Information requested',
  listed: 'Listed for panel',
  deferred: 'Deferred',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  open: 'Open',
  escalated: 'Escalated',
  closed: 'Closed',
};

export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = { low: 'Low', medium: 'Medium', high: 'High', very_high: 'Very high' };
