import { caseDetailSchema } from '../../api/schemas';
import { useApi } from '../../hooks/useApi';
import { CaseView } from './CasePage';

/**
 * `#/cases/by-ref/<reference>`: links people type or paste ("CASPA-2026-0014"; the server forgives case and
 * padding). The page is the case's own page, found by its reference.
 */
export default function CaseByRefPage({ reference }: { reference: string }) {
  const path = `/api/cases/by-ref/${encodeURIComponent(reference)}`;
  const result = useApi(path, (client, signal) => client.get(path, caseDetailSchema, signal));
  return <CaseView id={reference} result={result} />;
}
