import { assessQuorum, type QuorumAssessment } from '../domain/quorum';
import type { Meeting } from '../domain/records';
import type { Tx } from '../store/port';

/** The meeting's quorum now, from its stored attendance (the chair and named deputy count as the chair). */
export async function quorumNow(tx: Tx, meeting: Meeting): Promise<QuorumAssessment> {
  const attendance = await tx.find('attendance', { where: [{ field: 'meetingId', op: 'eq', value: meeting.id }] });
  const chairs = [meeting.chairId, ...(meeting.deputyChairId ? [meeting.deputyChairId] : [])];
  return assessQuorum(meeting.quorum, attendance, chairs);
}
