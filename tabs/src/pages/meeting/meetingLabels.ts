import type { AttendanceStatus } from '../../../../src/domain/enums';
import type { RunningAgendaLine } from '../../../../src/contract';
import { AGENDA_KIND_LABELS } from '../../labels';

export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  present: 'Present',
  apologies_info_sent: 'Apologies, information sent',
  apologies_no_info: 'Apologies, no information',
  absent: 'Absent',
  observer: 'Observer',
};

/**
 * What an agenda line is about, as far as the viewer may know: a reference and initials, "a restricted case", or any
 * other business' title. Never more: the same words are used on the side panel, which others may see over a shoulder.
 */
export function lineSubject(line: RunningAgendaLine): string {
  if (line.kind === 'any_other_business') return line.title ?? 'Any other business';
  if (line.restricted) return 'A restricted case';
  if (line.caseRef) return line.caseInitials ? `${line.caseRef} (${line.caseInitials})` : line.caseRef;
  return AGENDA_KIND_LABELS[line.kind];
}

/** "Item 3 of 9". */
export const itemOf = (order: number, count: number): string => `Item ${order} of ${count}`;
