import type { CaseRecordView, FullCaseView } from '../../../src/contract';
import { formatDay } from '../format';
import type { Directory } from '../hooks/useDirectory';
import { CAPACITY_LABELS, CONSENT_LABELS, RISK_LEVEL_LABELS, STATUS_LABELS } from '../labels';
import type { DiffField } from './conflict';

/** The case's fields people edit, as text, for "what someone else changed". */
export function caseDiffFields(directory: Directory): DiffField<FullCaseView>[] {
  const member = (id: string | null | undefined) => directory.member(id)?.name ?? '';
  const c = (d: FullCaseView): CaseRecordView => d.case;
  return [
    { label: 'Status', value: (d) => STATUS_LABELS[c(d).status] },
    { label: 'Lead agency', value: (d) => directory.agency(c(d).leadAgencyId)?.name ?? '' },
    { label: 'Lead professional', value: (d) => member(c(d).leadProfessionalId) },
    { label: 'Lead coordinating professional', value: (d) => member(c(d).leadCoordinatorId) },
    { label: 'Risk level', value: (d) => (c(d).riskLevel ? RISK_LEVEL_LABELS[c(d).riskLevel!] : '') },
    { label: 'Next review', value: (d) => formatDay(c(d).nextReviewDate) },
    { label: 'Contingency plan', value: (d) => c(d).contingencyPlan ?? '' },
    { label: 'Escalation plan', value: (d) => c(d).escalationPlan ?? '' },
    { label: 'Information-sharing arrangements', value: (d) => c(d).infoSharingArrangements ?? '' },
    { label: "The adult's views", value: (d) => c(d).adultViews ?? '' },
    { label: 'Advocacy needed', value: (d) => (c(d).advocacyNeeded === true ? 'yes' : c(d).advocacyNeeded === false ? 'no' : '') },
    { label: 'Capacity', value: (d) => (c(d).capacity ? CAPACITY_LABELS[c(d).capacity!] : '') },
    { label: 'Consent', value: (d) => (c(d).consent ? CONSENT_LABELS[c(d).consent!] : '') },
    { label: 'Risk assessments', value: (d) => String(d.riskAssessments?.length ?? 0) },
    { label: 'Actions', value: (d) => String(d.actions?.length ?? 0) },
  ];
}

