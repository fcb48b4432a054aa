import { z } from 'zod';
import { AGENDA_ITEM_KINDS, MEETING_STATUSES } from '../domain/enums';
import { actionItemSchema } from './actions';
import { awaitingItemSchema } from './cases';

export const meetingItemSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  startsAt: z.string(),
  status: z.enum(MEETING_STATUSES),
  chairId: z.string(),
  chairName: z.string(),
  teamsLink: z.string().optional(),
  papersIssuedAt: z.string().optional(),
  minutesIssuedAt: z.string().optional(),
});
export type MeetingItem = z.infer<typeof meetingItemSchema>;
export const meetingListSchema = z.array(meetingItemSchema);

export const agendaLineSchema = z.object({
  id: z.string(),
  order: z.number().int(),
  kind: z.enum(AGENDA_ITEM_KINDS),
  minutesAllotted: z.number(),
  presentingAgencyId: z.string().optional(),
  caseId: z.string().optional(),
  caseRef: z.string().optional(),
  caseInitials: z.string().optional(),
  /** A restricted case the actor may not see: the line is shown, the case is not. */
  restricted: z.literal(true).optional(),
  /** A restricted case the actor may see: shared surfaces still hide its reference and initials. */
  caseRestricted: z.literal(true).optional(),
  /** Whether the actor may open the case the line is about (false for a line about no case). */
  canOpen: z.boolean(),
});
export type AgendaLine = z.infer<typeof agendaLineSchema>;

/** The next panel that has not started, with its agenda; null when none is planned. */
export const nextMeetingSchema = meetingItemSchema.extend({ agenda: z.array(agendaLineSchema) }).nullable();
export type NextMeeting = z.infer<typeof nextMeetingSchema>;

export const homeSchema = z.object({
  myActions: z.array(actionItemSchema),
  awaitingMyAgency: z.array(awaitingItemSchema),
  nextMeeting: nextMeetingSchema,
});
export type HomeView = z.infer<typeof homeSchema>;
