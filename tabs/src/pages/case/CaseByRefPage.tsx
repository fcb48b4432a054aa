import { caseViewSchema, paths } from '../../../../src/contract';
import { useApi } from '../../hooks/useApi';
import { CaseScreen } from './CasePage';

/**
 * `#/cases/by-ref/<reference>`: links people type or paste ("CASPA-2026-0014"; the server forgives case and
 * padding). The page is the case's own page, found by its reference.
 */
export default function CaseByRefPage({ reference }: { reference: string }) {
  const path = paths.caseByRef(reference);
  const result = useApi(path, (client, signal) => client.get(path, caseViewSchema, signal));
  return <CaseScreen id={reference} result={result} />;
}
