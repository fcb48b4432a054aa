import { makeStyles, tokens } from '@fluentui/react-components';
import type { FullCaseView, MeetingItem, ScreeningAbilities } from '../../../../src/contract';
import { todayIso } from '../../format';

export const useReferralDialogStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  pair: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))',
    alignItems: 'start',
    // Long option text must not push a select past its column.
    '& > *': { minWidth: 0 },
    '& .fui-Select, & select': { minWidth: 0, width: '100%' },
  },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export interface ReferralActionsProps {
  caseId: string;
  reference: string;
  referrerAgencyId?: string | null;
  /** What the signed-in member may do with this referral now, as the server judged it (the case's or the queue line's `can`). */
  abilities: ScreeningAbilities;
  meetings: MeetingItem[];
  /** The meeting whose agenda already lists it, if any. */
  listedMeetingId?: string | null;
  /** The case as the user saw it, for the version check and "what changed" on a conflict. */
  baseline?: FullCaseView;
  onChanged: (what: string) => void;
}

/** Meetings a referral can still be listed for. */
export const UPCOMING = new Set(['planned', 'agenda_published']);
export const upcomingMeetings = (meetings: MeetingItem[]): MeetingItem[] =>
  meetings.filter((m) => UPCOMING.has(m.status) && m.startsAt.slice(0, 10) >= todayIso()).sort((a, b) => a.startsAt.localeCompare(b.startsAt));

/** The version the user read, when there is one, so a stale change is a conflict rather than an overwrite. */
export const withVersion = <B extends object>(body: B, version: number | undefined): B & { expectedVersion?: number } =>
  version === undefined ? body : { ...body, expectedVersion: version };
