import { caseViewSchema, paths } from '../../../../src/contract';
import { ApiError } from '../../api/client';
import { useApi } from '../../hooks/useApi';
import { CaseScreen } from './CasePage';
import { BreakGlassOffer } from './sections/BreakGlassOffer';

/**
 * `#/cases/by-ref/<reference>`: links people type or paste ("CASPA-2026-0014"; the server forgives case and
 * padding). The page is the case's own page, found by its reference. When it cannot be opened, a member the server
 * lets ask is offered break-glass on that reference; once granted, the page opens the case.
 */
export default function CaseByRefPage({ reference }: { reference: string }) {
  const path = paths.caseByRef(reference);
  const result = useApi(path, (client, signal) => client.get(path, caseViewSchema, signal));
  const notFound = result.state === 'error' && result.error instanceof ApiError && result.error.status === 404;
  return (
    <>
      <CaseScreen id={reference} result={result} />
      {notFound && <BreakGlassOffer reference={reference} onOpened={result.reload} />}
    </>
  );
}
