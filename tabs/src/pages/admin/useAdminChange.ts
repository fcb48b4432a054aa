import { useState } from 'react';
import { ApiError, messageOf } from '../../api/client';

/**
 * One admin change at a time: busy while it runs, a status line when done (the directory reloaded), or the server's
 * refusal with each field named (`what` names a problem that has no field, e.g. "member").
 */
export function useAdminChange(reload: () => void, what: string) {
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<unknown>, done: string) {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      setStatus(done);
      reload();
    } catch (e) {
      setStatus('');
      setError(e instanceof ApiError && e.problems.length ? e.problems.map((p) => `${p.field || what}: ${p.message}`).join(' ') : messageOf(e));
    } finally {
      setBusy(false);
    }
  }
  return { busy, status, setStatus, error, run };
}
