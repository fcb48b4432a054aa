import type { CaseRecord } from '../records';
import { referralsInScope } from './referrals';
import { type IndicatorScope, share } from './scope';

export type VoiceCaseFields = Pick<CaseRecord, 'receivedAt' | 'referrerAgencyId' | 'adultViews' | 'advocacyNeeded' | 'adultAware'>;

export interface VoiceIndicator {
  referrals: number;
  /** The referral records what the adult thinks and wants. */
  viewsRecorded: number;
  viewsRecordedShare: number | null;
  /** The referrer said the adult needs an advocate (the form's advocacy question: needed, so to be offered). */
  advocacyNeeded: number;
  /** The adult knows about the referral. */
  adultAware: number;
  adultAwareShare: number | null;
}

/** Making safeguarding personal: the adult's views recorded and advocacy, on referrals received in the period. */
export function voiceIndicator(cases: readonly VoiceCaseFields[], scope: IndicatorScope): VoiceIndicator {
  const referrals = referralsInScope(cases, scope);
  const viewsRecorded = referrals.filter((c) => c.adultViews.trim() !== '').length;
  const adultAware = referrals.filter((c) => c.adultAware).length;
  return {
    referrals: referrals.length,
    viewsRecorded,
    viewsRecordedShare: share(viewsRecorded, referrals.length),
    advocacyNeeded: referrals.filter((c) => c.advocacyNeeded).length,
    adultAware,
    adultAwareShare: share(adultAware, referrals.length),
  };
}
