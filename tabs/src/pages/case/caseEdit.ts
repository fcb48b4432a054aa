import { useState } from 'react';
import { ApiError } from '../../api/client';
import type { FullCaseView } from '../../../../src/contract';
import { fetchFullCase } from '../../api/fetchCase';
import { useApiClient } from '../../auth/session';
import { caseDiffFields } from '../../forms/caseDiff';
import { diffOf } from '../../forms/conflict';
import type { FieldChange } from '../../forms/FormParts';
import { useSubmit } from '../../forms/useSubmit';
import { useDirectory } from '../../hooks/useDirectory';

/**
 * A change to the case that names the version it was made from. On a 409 from a stale read it fetches the case as
 * it now stands, lists what differs from what the user was looking at, and arms a retry against the new version.
 */
export function useCaseSave(detail: FullCaseView, knownFields: readonly string[], onSaved: () => void) {
  const client = useApiClient();
  const directory = useDirectory();
  const submit = useSubmit(knownFields);
  const [retryVersion, setRetryVersion] = useState<number>();
  const [changes, setChanges] = useState<FieldChange[]>();
  const version = retryVersion ?? detail.case.version;

  async function save(send: (expectedVersion: number | undefined) => Promise<unknown>): Promise<boolean> {
    setChanges(undefined);
    const result = await submit.run(() => send(version));
    if (result.ok) {
      setRetryVersion(undefined);
      onSaved();
      return true;
    }
    if (result.error instanceof ApiError && result.error.isConflict) {
      const latest = await fetchFullCase(client, detail.case.id).catch(() => undefined);
      if (latest) {
        setChanges(diffOf(detail, latest, caseDiffFields(directory)));
        setRetryVersion(latest.case.version);
      }
    }
    return false;
  }

  function reset() {
    submit.reset();
    setChanges(undefined);
    setRetryVersion(undefined);
  }

  return { ...submit, save, changes: changes ?? [], reset };
}
