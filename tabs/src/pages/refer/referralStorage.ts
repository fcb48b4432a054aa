import { type ReferralForm, isReferralForm } from './referralModel';

/**
 * The referral being written, kept in sessionStorage (this tab only, gone when it closes) so a reload, a lost
 * connection or a wrong click does not cost the user what they typed. Per member and per draft.
 */
export interface StoredReferral {
  form: ReferralForm;
  step: number;
  draftId?: string;
  version?: number;
  /** ISO time of the last change. */
  savedAt: string;
}

const keyOf = (memberId: string, draftId?: string) => `riskpanel.referral.${memberId}.${draftId ?? 'new'}`;

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

export function loadReferral(memberId: string, draftId?: string): StoredReferral | undefined {
  try {
    const raw = storage()?.getItem(keyOf(memberId, draftId));
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<StoredReferral>;
    if (!isReferralForm(parsed.form)) return undefined;
    return {
      form: parsed.form,
      step: typeof parsed.step === 'number' ? parsed.step : 0,
      draftId: typeof parsed.draftId === 'string' ? parsed.draftId : undefined,
      version: typeof parsed.version === 'number' ? parsed.version : undefined,
      savedAt: typeof parsed.savedAt === 'string' ? parsed.savedAt : '',
    };
  } catch {
    return undefined;
  }
}

export function saveReferral(memberId: string, routeDraftId: string | undefined, value: StoredReferral): void {
  try {
    storage()?.setItem(keyOf(memberId, routeDraftId), JSON.stringify(value));
  } catch {
    // Full or blocked storage: the form still works, it just will not survive a reload.
  }
}

export function forgetReferral(memberId: string, draftId?: string): void {
  try {
    storage()?.removeItem(keyOf(memberId, draftId));
  } catch {
    // Nothing to do.
  }
}
