import { Button, Field, Input, Select } from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { auditExportSchema, auditSearchSchema, paths } from '../../../../src/contract';
import { AUDIT_ACTIONS } from '../../../../src/domain/enums';
import { messageOf } from '../../api/client';
import { saveBase64 } from '../../api/saveFile';
import { useSession } from '../../auth/session';
import { Section } from '../../components/Section';
import { ErrorNotice, LiveStatus } from '../../components/Status';
import { TableBox } from './TableBox';
import { formatDateTime } from '../../format';
import { useApi } from '../../hooks/useApi';
import { useDirectory } from '../../hooks/useDirectory';
import { useAdminStyles } from './adminStyles';

type Terms = { ref: string; memberId: string; agencyId: string; action: string; from: string; to: string };
const NONE: Terms = { ref: '', memberId: '', agencyId: '', action: '', from: '', to: '' };

/**
 * The audit trail: search by case, person, agency, action and period; export what was found as CSV, with a reason.
 * For coordinators and auditors: the pick lists come from the directory every member reads, not the coordinators' own.
 */
export function AuditSection() {
  const styles = useAdminStyles();
  const directory = useDirectory();
  const { client } = useSession();
  const [draft, setDraft] = useState<Terms>(NONE);
  const [terms, setTerms] = useState<Terms | undefined>();
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string>();
  const query = terms ? Object.fromEntries(Object.entries(terms).filter(([, v]) => v)) : undefined;
  const path = paths.auditSearch(query);
  const found = useApi(terms ? path : '', (c, signal) => (terms ? c.get(path, auditSearchSchema, signal) : Promise.resolve(undefined)));
  const agencyName = (id: string) => directory.agencies.find((a) => a.id === id)?.shortName ?? id;

  const search = (event: FormEvent) => {
    event.preventDefault();
    setTerms({ ...draft });
  };
  async function exportCsv() {
    setError(undefined);
    try {
      const file = await client.post(paths.auditExports(), { ...query, reason }, auditExportSchema);
      saveBase64(file.fileName, file.contentType, file.base64);
      setStatus(`Downloaded ${file.fileName} (${file.rows} events).`);
    } catch (e) {
      setError(messageOf(e));
    }
  }
  const set = (patch: Partial<Terms>) => setDraft((d) => ({ ...d, ...patch }));

  return (
    <Section id="admin-audit" title="Audit trail">
      <form className={styles.form} onSubmit={search} aria-label="Search the audit trail">
        <Field label="Case reference"><Input value={draft.ref} onChange={(_, d) => set({ ref: d.value })} /></Field>
        <Field label="Person">
          <Select value={draft.memberId} onChange={(_, d) => set({ memberId: d.value })}>
            <option value="">Anyone</option>
            {directory.members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
          </Select>
        </Field>
        <Field label="Agency">
          <Select value={draft.agencyId} onChange={(_, d) => set({ agencyId: d.value })}>
            <option value="">Any agency</option>
            {directory.agencies.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </Select>
        </Field>
        <Field label="Action">
          <Select value={draft.action} onChange={(_, d) => set({ action: d.value })}>
            <option value="">Any action</option>
            {AUDIT_ACTIONS.map((a) => <option key={a} value={a}>{a}</option>)}
          </Select>
        </Field>
        <Field label="From"><Input type="date" value={draft.from} onChange={(_, d) => set({ from: d.value })} /></Field>
        <Field label="To"><Input type="date" value={draft.to} onChange={(_, d) => set({ to: d.value })} /></Field>
        <Button type="submit" appearance="primary">Search</Button>
      </form>
      <LiveStatus busy={found.state === 'loading' && !!terms} message={found.data ? `${found.data.events.length} events${found.data.truncated ? `; more matched, showing the newest ${found.data.limit}` : ''}.` : ''} />
      {found.state === 'error' && <ErrorNotice title="The search did not work" message={messageOf(found.error)} />}
      {found.data && (
        <>
          <TableBox label="Audit events">
            <table className={styles.table}>
              <caption className={styles.caption}>Audit events, newest first</caption>
              <thead>
                <tr>{['When', 'Who', 'Agency', 'Action', 'Record', 'Reason', 'Change'].map((h) => <th key={h} scope="col" className={styles.cell}>{h}</th>)}</tr>
              </thead>
              <tbody>
                {found.data.events.map((e) => (
                  <tr key={e.id}>
                    <th scope="row" className={styles.cell}>{formatDateTime(e.at)}</th>
                    <td className={styles.cell}>{e.actorName}</td>
                    <td className={styles.cell}>{agencyName(e.actorAgencyId)}</td>
                    <td className={styles.cell}>{e.action}{e.change?.['breakGlass'] === true ? ' (break-glass)' : ''}</td>
                    <td className={styles.cell}>{e.recordType} {e.recordId}</td>
                    <td className={styles.cell}>{e.reason ?? ''}</td>
                    <td className={styles.cell}>{e.change ? JSON.stringify(e.change) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
          <div className={styles.form} role="group" aria-label="Export the audit events">
            <Field label="Reason for the export" hint="Recorded in the audit trail with the export.">
              <Input value={reason} onChange={(_, d) => setReason(d.value)} />
            </Field>
            <Button disabled={reason.trim().length < 3} onClick={() => void exportCsv()}>Download CSV</Button>
          </div>
        </>
      )}
      <LiveStatus message={status} />
      {error && <ErrorNotice title="The export did not work" message={error} />}
    </Section>
  );
}
