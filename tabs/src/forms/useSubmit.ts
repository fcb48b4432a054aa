import { useCallback, useRef, useState } from 'react';
import { ApiError, type FieldProblem } from '../api/client';
import { type FieldErrors, problemsToFields } from './fieldErrors';

export interface SubmitState {
  busy: boolean;
  /** A failure that is not about one field (network, permission, state, server). */
  failure?: unknown;
  /** Server field problems, on the form's own field names. */
  fieldErrors: FieldErrors;
  /** Server problems that name no field of this form. */
  otherProblems: string[];
  /** A 409 from a stale read: the caller shows what changed. */
  conflict?: ApiError;
  /** The server's field problems as sent, for forms whose fields the names do not match directly. */
  problems: FieldProblem[];
}

const idle: SubmitState = { busy: false, fieldErrors: {}, otherProblems: [], problems: [] };

/**
 * Runs one save at a time and sorts what can go wrong: field problems onto the form's fields, a conflict apart
 * (the form shows what changed), anything else as a failure with a retry. The form's own state is never touched,
 * so nothing typed is lost whatever happens.
 */
export function useSubmit(knownFields: readonly string[] = []) {
  const [state, setState] = useState<SubmitState>(idle);
  const running = useRef(false);
  const known = useRef(knownFields);
  known.current = knownFields;

  const run = useCallback(async <T,>(save: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> => {
    if (running.current) return { ok: false, error: new Error('Already saving') };
    running.current = true;
    setState({ ...idle, busy: true });
    try {
      const value = await save();
      setState(idle);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.problems.length) {
        const { fields, other } = problemsToFields(error.problems, known.current);
        setState({ ...idle, fieldErrors: fields, otherProblems: other, problems: error.problems, failure: Object.keys(fields).length || other.length ? undefined : error });
      } else if (error instanceof ApiError && error.isConflict) {
        setState({ ...idle, conflict: error });
      } else {
        setState({ ...idle, failure: error });
      }
      return { ok: false, error };
    } finally {
      running.current = false;
    }
  }, []);

  const reset = useCallback(() => setState(idle), []);
  return { ...state, run, reset };
}
