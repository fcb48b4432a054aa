import { useEffect, useState } from 'react';
import { type CaseRecordView, paths, savedCaseSchema } from '../../../../src/contract';
import { ApiError } from '../../api/client';
import { fetchFullCase } from '../../api/fetchCase';
import { useSession } from '../../auth/session';
import { diffOf } from '../../forms/conflict';
import type { FieldChange } from '../../forms/FormParts';
import { type ReferralForm, draftUpdateBody, emptyReferral, referralBody, referralDiffFields, referralFromCase } from './referralModel';
import { type StoredReferral, forgetReferral, saveReferral } from './referralStorage';

/** The draft on the server this form writes to: its version (for the conflict check) and the answers it held. */
export interface DraftRef { id: string; version: number; ref: string; base: ReferralForm }

const isEmpty = (form: ReferralForm) => JSON.stringify(form) === JSON.stringify(emptyReferral());

export interface ReferralDraftOptions {
  /** The draft named in the address (`#/refer/<id>`), if any. */
  routeDraftId?: string;
  /** That draft as the server holds it. */
  loaded?: CaseRecordView;
  /** What this browser tab kept of the form. */
  initial?: StoredReferral;
  form: ReferralForm;
  step: number;
  /** Submitted: nothing more is kept. */
  done: boolean;
}

/**
 * The referral's draft: kept in this browser tab as it is typed, saved to the server on request (created, then
 * updated with the version it was read at), submitted, and on a conflict compared with what someone else saved.
 */
export function useReferralDraft({ routeDraftId, loaded, initial, form, step, done }: ReferralDraftOptions) {
  const { me, client } = useSession();
  const [draft, setDraft] = useState<DraftRef | undefined>(() => {
    if (loaded) return { id: loaded.id, version: loaded.version, ref: loaded.ref, base: referralFromCase(loaded) };
    if (initial?.draftId && initial.version) return { id: initial.draftId, version: initial.version, ref: '', base: initial.form };
    return undefined;
  });
  const [changes, setChanges] = useState<FieldChange[]>();

  // Kept as typed: a reload or a lost connection does not lose the referral.
  useEffect(() => {
    if (done) return;
    if (isEmpty(form) && !draft) return forgetReferral(me.member.id, routeDraftId);
    saveReferral(me.member.id, routeDraftId, { form, step, draftId: draft?.id, version: draft?.version, savedAt: new Date().toISOString() });
  }, [form, step, draft, done, me.member.id, routeDraftId]);

  /** Creates the draft, or updates it from the version this form last read. */
  async function save(): Promise<CaseRecordView> {
    const record = draft
      ? await client.put(paths.caseDraft(draft.id), { ...draftUpdateBody(form), expectedVersion: draft.version }, savedCaseSchema)
      : await client.post(paths.referralDrafts(), referralBody(form), savedCaseSchema);
    setDraft({ id: record.id, version: record.version, ref: record.ref, base: form });
    return record;
  }

  /** Submits the referral: directly when there is no draft, else the draft brought up to date and then submitted. */
  async function submit(): Promise<CaseRecordView> {
    if (!draft) return client.post(paths.referrals(), referralBody(form), savedCaseSchema);
    const updated = await client.put(paths.caseDraft(draft.id), { ...draftUpdateBody(form), expectedVersion: draft.version }, savedCaseSchema);
    setDraft({ ...draft, version: updated.version, base: form });
    return client.post(paths.caseSubmission(draft.id), { expectedVersion: updated.version }, savedCaseSchema);
  }

  /** After a stale save: what the other person changed, and the new version to save over if the user chooses to. */
  async function showConflict(error: unknown): Promise<void> {
    if (!(error instanceof ApiError && error.isConflict) || !draft) return;
    const latest = await fetchFullCase(client, draft.id).catch(() => undefined);
    if (!latest) return;
    const theirs = referralFromCase(latest.case);
    setChanges(diffOf(draft.base, theirs, referralDiffFields()));
    setDraft({ ...draft, version: latest.case.version, base: theirs });
  }

  /** The referral went: this tab keeps nothing of it. */
  function forget(): void {
    forgetReferral(me.member.id, routeDraftId);
    if (draft && !routeDraftId) forgetReferral(me.member.id, draft.id);
  }

  /** "Refer another adult": a blank form with no draft behind it. */
  function reset(): void {
    forgetReferral(me.member.id, routeDraftId);
    setDraft(undefined);
    setChanges(undefined);
  }

  return { draft, changes, clearChanges: () => setChanges(undefined), save, submit, showConflict, forget, reset, isEmpty };
}
