import { Button, Checkbox, Field, Input, Select } from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { type AdminDirectory, type AgencyItem, agencyItemSchema, paths } from '../../../../src/contract';
import { AGENCY_KINDS, type AgencyKind } from '../../../../src/domain/enums';
import { useSession } from '../../auth/session';
import { Section } from '../../components/Section';
import { ErrorNotice, LiveStatus } from '../../components/Status';
import { TableBox } from './TableBox';
import { useAdminStyles } from './adminStyles';
import { useAdminChange } from './useAdminChange';

const EMPTY = { name: '', shortName: '', kind: 'council' as AgencyKind, core: false };

/** Agencies: name, short name, kind, core member or not, active; add, change, deactivate or reactivate (coordinators). */
export function AgenciesSection({ directory, reload }: { directory: AdminDirectory; reload: () => void }) {
  const styles = useAdminStyles();
  const { client, me } = useSession();
  const [form, setForm] = useState(EMPTY);
  const { busy, status, setStatus, error, run } = useAdminChange(reload, 'agency');
  // The agency being changed, or none: the form below adds an agency.
  const [editing, setEditing] = useState<AgencyItem>();

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (editing) {
      // Only what changed is sent: the audit trail records each changed field, from and to.
      const was: typeof EMPTY = { name: editing.name, shortName: editing.shortName, kind: editing.kind, core: editing.core === true };
      const changed = Object.fromEntries(Object.entries(form).filter(([k, v]) => v !== was[k as keyof typeof was]));
      void run(() => client.patch(paths.adminAgency(editing.id), changed, agencyItemSchema), `Changed ${form.name}.`).then(() => stopEditing());
      return;
    }
    void run(() => client.post(paths.adminAgencies(), form, agencyItemSchema), `Added ${form.name}.`).then(() => setForm(EMPTY));
  };
  const startEditing = (a: AgencyItem) => {
    setEditing(a);
    setForm({ name: a.name, shortName: a.shortName, kind: a.kind, core: a.core === true });
    setStatus(`Changing ${a.name}: edit the form below.`);
  };
  const stopEditing = () => {
    setEditing(undefined);
    setForm(EMPTY);
  };
  const change = (a: AgencyItem, patch: { active?: boolean; core?: boolean }, done: string) =>
    run(() => client.patch(paths.adminAgency(a.id), patch, agencyItemSchema), done);

  return (
    <Section id="admin-agencies" title="Agencies">
      <TableBox label="Agencies">
        <table className={styles.table}>
          <caption className={styles.caption}>{directory.agencies.length} agencies</caption>
          <thead>
            <tr>{['Name', 'Short name', 'Kind', 'Core member', 'Active', 'Change'].map((h) => <th key={h} scope="col" className={styles.cell}>{h}</th>)}</tr>
          </thead>
          <tbody>
            {directory.agencies.map((a) => (
              <tr key={a.id}>
                <th scope="row" className={styles.cell}>{a.name}</th>
                <td className={styles.cell}>{a.shortName}</td>
                <td className={styles.cell}>{a.kind}</td>
                <td className={styles.cell}>{a.core ? 'Yes' : 'No'}</td>
                <td className={styles.cell}>{a.active ? 'Active' : 'Deactivated'}</td>
                <td className={styles.cell}>
                  <div className={styles.buttons}>
                    <Button size="small" disabled={busy} onClick={() => startEditing(a)} aria-label={`Change ${a.name}`}>Change</Button>
                    <Button size="small" disabled={busy} onClick={() => void change(a, { core: !a.core }, `${a.shortName} is ${a.core ? 'no longer' : 'now'} a core member.`)}
                      aria-label={`${a.core ? 'Make not core' : 'Make core'}: ${a.name}`}>
                      {a.core ? 'Make not core' : 'Make core'}
                    </Button>
                    {a.id !== me.agency.id && (
                      <Button size="small" disabled={busy} onClick={() => void change(a, { active: !a.active }, `${a.shortName} ${a.active ? 'deactivated' : 'reactivated'}.`)}
                        aria-label={`${a.active ? 'Deactivate' : 'Reactivate'} ${a.name}`}>
                        {a.active ? 'Deactivate' : 'Reactivate'}
                      </Button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableBox>
      <form className={styles.form} onSubmit={add} aria-label={editing ? `Change ${editing.name}` : 'Add an agency'}>
        <Field label="Name" required><Input value={form.name} onChange={(_, d) => setForm({ ...form, name: d.value })} /></Field>
        <Field label="Short name" required hint="Shown on cards and in filters."><Input value={form.shortName} onChange={(_, d) => setForm({ ...form, shortName: d.value })} /></Field>
        <Field label="Kind" required>
          <Select value={form.kind} onChange={(_, d) => setForm({ ...form, kind: d.value as AgencyKind })}>
            {AGENCY_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
          </Select>
        </Field>
        <Checkbox label="Core member of the panel" checked={form.core} onChange={(_, d) => setForm({ ...form, core: d.checked === true })} />
        <Button type="submit" appearance="primary" disabled={busy}>{editing ? 'Save changes' : 'Add agency'}</Button>
        {editing && <Button onClick={stopEditing} disabled={busy}>Cancel the change</Button>}
      </form>
      <LiveStatus busy={busy} message={busy ? 'Saving…' : status} />
      {error && <ErrorNotice title="The change was not made" message={error} />}
    </Section>
  );
}
