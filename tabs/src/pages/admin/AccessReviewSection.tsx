import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { type AccessReviewAgency, accessReviewSchema, agencyItemSchema, paths, VISIBILITY_REASONS, type VisibilityReason } from '../../../../src/contract';
import { messageOf } from '../../api/client';
import { useSession } from '../../auth/session';
import { Section, useMutedStyles } from '../../components/Section';
import { ErrorNotice, LiveStatus } from '../../components/Status';
import { TableBox } from './TableBox';
import { formatDateTime } from '../../format';
import { useApi } from '../../hooks/useApi';
import { useAdminStyles } from './adminStyles';

const REASON_LABELS: Record<VisibilityReason, string> = {
  allCases: 'All cases (coordinator)', allUnrestricted: 'All unrestricted (chair)', referrerAgency: 'Agency referred',
  leadAgency: 'Agency leads', knownToAgency: 'Agency knows the adult', named: 'Named', breakGlass: 'Break-glass',
};

/** The quarterly access review: per agency, who can see what, for the agency's lead to confirm. */
export function AccessReviewSection() {
  const styles = useAdminStyles();
  const muted = useMutedStyles();
  const { client } = useSession();
  const path = paths.accessReview();
  const review = useApi(path, (c, signal) => c.get(path, accessReviewSchema, signal));
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string>();

  async function confirm(a: AccessReviewAgency) {
    setError(undefined);
    try {
      await client.post(paths.accessReviewConfirmations(), { agencyId: a.agency.id }, agencyItemSchema);
      setStatus(`Access review for ${a.agency.name} confirmed.`);
      review.reload();
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <Section id="admin-access-review" title="Access review">
      <p className={muted.secondary}>Who can see what, agency by agency. Each agency's lead checks the list and confirms it every quarter.</p>
      <LiveStatus busy={review.state === 'loading'} message={review.state === 'loading' ? 'Loading the access review…' : status} />
      {review.state === 'error' && <ErrorNotice title="The access review could not be loaded" message={messageOf(review.error)} onRetry={review.reload} />}
      {error && <ErrorNotice title="The review was not confirmed" message={error} />}
      {review.data?.agencies.map((a) => (
        <div key={a.agency.id}>
          <TableBox label={`Access review: ${a.agency.name}`}>
            <table className={styles.table}>
              <caption className={styles.caption}>
                {a.agency.name}: referred {a.cases.referrerAgency}, leads {a.cases.leadAgency} ({a.cases.restrictedLead} restricted), knows {a.cases.knownToAgency}.
                {' '}{a.agency.accessReviewedAt ? `Last confirmed ${formatDateTime(a.agency.accessReviewedAt)}.` : 'Never confirmed.'}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className={styles.cell}>Member</th>
                  <th scope="col" className={styles.cell}>Roles</th>
                  <th scope="col" className={styles.cell}>Active</th>
                  <th scope="col" className={styles.cell}>Cases</th>
                  {VISIBILITY_REASONS.map((r) => <th key={r} scope="col" className={styles.cell}>{REASON_LABELS[r]}</th>)}
                </tr>
              </thead>
              <tbody>
                {a.members.map((m) => (
                  <tr key={m.id}>
                    <th scope="row" className={styles.cell}>{m.name}{m.agencyLead ? ' (lead)' : ''}</th>
                    <td className={styles.cell}>{m.roles.join(', ')}</td>
                    <td className={styles.cell}>{m.active ? 'Yes' : 'No'}</td>
                    <td className={`${styles.cell} ${styles.number}`}>{m.totalCases}</td>
                    {VISIBILITY_REASONS.map((r) => <td key={r} className={`${styles.cell} ${styles.number}`}>{m.visible[r] ?? 0}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
          {a.canConfirm && <Button onClick={() => void confirm(a)}>Confirm the access review for {a.agency.shortName}</Button>}
        </div>
      ))}
    </Section>
  );
}
