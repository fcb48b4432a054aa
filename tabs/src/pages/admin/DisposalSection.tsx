import { Button, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { disposalSchema, disposalsViewSchema, paths } from '../../../../src/contract';
import { messageOf } from '../../api/client';
import { useSession } from '../../auth/session';
import { Section, useMutedStyles } from '../../components/Section';
import { ErrorNotice, LiveStatus } from '../../components/Status';
import { ScrollBox } from '../../components/layout/ScrollBox';
import { formatDateTime } from '../../format';
import { useApi } from '../../hooks/useApi';
import { useAdminStyles } from './adminStyles';

const countsOf = (counts: Record<string, number> | undefined) =>
  Object.entries(counts ?? {}).map(([kind, n]) => `${kind} ${n}`).join(', ') || 'none';

/**
 * Retention: closed cases past their retention date, by reference only. One coordinator proposes a disposal with a
 * reason, a different coordinator approves it (the server refuses the proposer); a legal hold blocks both.
 */
export function DisposalSection() {
  const styles = useAdminStyles();
  const muted = useMutedStyles();
  const { client, me } = useSession();
  const path = paths.disposals();
  const view = useApi(path, (c, signal) => c.get(path, disposalsViewSchema, signal));
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string>();

  async function act(work: () => Promise<unknown>, done: string) {
    setError(undefined);
    try {
      await work();
      setStatus(done);
      view.reload();
    } catch (e) {
      setError(messageOf(e));
    }
  }
  const propose = (caseId: string, ref: string) =>
    act(() => client.post(paths.disposals(), { caseId, reason: reasons[caseId] ?? '' }, disposalSchema), `Disposal of ${ref} proposed: a second coordinator must approve it.`);
  const approve = (disposalId: string, ref: string) =>
    act(() => client.post(paths.disposalApprovals(), { disposalId }, disposalSchema), `${ref} disposed of.`);

  const data = view.data;
  return (
    <Section id="admin-disposal" title="Disposal">
      <p className={muted.secondary}>Closed cases whose retention has run out. One coordinator proposes, another approves; a legal hold keeps a case.</p>
      <LiveStatus busy={view.state === 'loading'} message={view.state === 'loading' ? 'Loading what is due for disposal…' : status} />
      {view.state === 'error' && <ErrorNotice title="What is due for disposal could not be loaded" message={messageOf(view.error)} onRetry={view.reload} />}
      {error && <ErrorNotice title="That was not done" message={error} />}
      {data && (
        <>
          <ScrollBox label="Cases due for disposal">
            <table className={styles.table}>
              <caption className={styles.caption}>Due on {data.asOf}: {data.due.length}</caption>
              <thead>
                <tr>
                  <th scope="col" className={styles.cell}>Case</th>
                  <th scope="col" className={styles.cell}>Retention date</th>
                  <th scope="col" className={styles.cell}>What to do</th>
                </tr>
              </thead>
              <tbody>
                {data.due.map((d) => {
                  const proposal = data.proposed.find((p) => p.id === d.proposalId);
                  return (
                    <tr key={d.caseId}>
                      <th scope="row" className={styles.cell}>{d.ref}</th>
                      <td className={styles.cell}>{d.retentionDate}</td>
                      <td className={styles.cell}>
                        {d.legalHold ? 'Under a legal hold: kept.'
                          : proposal ? (proposal.proposedById === me.member.id ? 'Proposed by you: another coordinator approves.'
                            : <Button onClick={() => void approve(proposal.id, d.ref)}>Approve disposal of {d.ref}</Button>)
                            : (
                              <div className={styles.form}>
                                <Field label={`Reason to dispose of ${d.ref}`}>
                                  <Input value={reasons[d.caseId] ?? ''} onChange={(_, v) => setReasons({ ...reasons, [d.caseId]: v.value })} />
                                </Field>
                                <Button onClick={() => void propose(d.caseId, d.ref)}>Propose disposal</Button>
                              </div>
                            )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollBox>
          {data.done.length > 0 && (
            <ScrollBox label="Disposals done">
              <table className={styles.table}>
                <caption className={styles.caption}>Disposed of</caption>
                <thead>
                  <tr>
                    <th scope="col" className={styles.cell}>Case</th>
                    <th scope="col" className={styles.cell}>Approved</th>
                    <th scope="col" className={styles.cell}>Removed</th>
                    <th scope="col" className={styles.cell}>Kept</th>
                  </tr>
                </thead>
                <tbody>
                  {data.done.map((d) => (
                    <tr key={d.id}>
                      <th scope="row" className={styles.cell}>{d.ref}</th>
                      <td className={styles.cell}>{d.approvedAt ? formatDateTime(d.approvedAt) : ''}</td>
                      <td className={styles.cell}>{countsOf(d.removed)}</td>
                      <td className={styles.cell}>{countsOf(d.kept)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )}
        </>
      )}
    </Section>
  );
}
