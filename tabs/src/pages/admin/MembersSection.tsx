import { Button, Checkbox, Field, Input, Select } from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { type AdminDirectory, type AdminMember, memberItemSchema, paths } from '../../../../src/contract';
import { ROLES, type Role } from '../../../../src/domain/enums';
import { useSession } from '../../auth/session';
import { Section } from '../../components/Section';
import { ErrorNotice, LiveStatus } from '../../components/Status';
import { TableBox } from './TableBox';
import { useAdminStyles } from './adminStyles';
import { useAdminChange } from './useAdminChange';

const EMPTY = { name: '', email: '', aadObjectId: '', agencyId: '', roles: ['partner'] as Role[], agencyLead: false };

/** Members: who they are, their agency and roles; add one, change one, deactivate or reactivate one (coordinators). */
export function MembersSection({ directory, reload }: { directory: AdminDirectory; reload: () => void }) {
  const styles = useAdminStyles();
  const { client, me } = useSession();
  const [form, setForm] = useState(EMPTY);
  const { busy, status, setStatus, error, run } = useAdminChange(reload, 'member');
  // The member being changed, or none: the form below adds a member.
  const [editing, setEditing] = useState<AdminMember>();
  const agencyName = (id: string) => directory.agencies.find((a) => a.id === id)?.shortName ?? id;


  const add = (event: FormEvent) => {
    event.preventDefault();
    if (editing) {
      // Only what changed is sent: the audit trail records each changed field, from and to.
      const was: typeof EMPTY = { name: editing.name, email: editing.email, aadObjectId: editing.aadObjectId, agencyId: editing.agencyId, roles: editing.roles, agencyLead: editing.agencyLead };
      const changed = Object.fromEntries(Object.entries(form).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(was[k as keyof typeof was])));
      void run(() => client.patch(paths.adminMember(editing.id), changed, memberItemSchema), `Changed ${form.name}.`).then(() => stopEditing());
      return;
    }
    void run(() => client.post(paths.adminMembers(), form, memberItemSchema), `Added ${form.name}.`).then(() => setForm(EMPTY));
  };
  const startEditing = (m: AdminMember) => {
    setEditing(m);
    setForm({ name: m.name, email: m.email, aadObjectId: m.aadObjectId, agencyId: m.agencyId, roles: m.roles, agencyLead: m.agencyLead });
    setStatus(`Changing ${m.name}: edit the form below.`);
  };
  const stopEditing = () => {
    setEditing(undefined);
    setForm(EMPTY);
  };
  const setActive = (m: AdminMember, active: boolean) =>
    run(() => client.patch(paths.adminMember(m.id), { active }, memberItemSchema), `${m.name} ${active ? 'reactivated' : 'deactivated'}.`);
  const toggleRole = (role: Role, on: boolean) => setForm((f) => ({ ...f, roles: on ? [...new Set([...f.roles, role])] : f.roles.filter((r) => r !== role) }));

  return (
    <Section id="admin-members" title="Members">
      <TableBox label="Members">
        <table className={styles.table}>
          <caption className={styles.caption}>{directory.members.length} members</caption>
          <thead>
            <tr>{['Name', 'Email', 'Agency', 'Roles', 'Agency lead', 'Active', 'Change'].map((h) => <th key={h} scope="col" className={styles.cell}>{h}</th>)}</tr>
          </thead>
          <tbody>
            {directory.members.map((m) => (
              <tr key={m.id}>
                <th scope="row" className={styles.cell}>{m.name}</th>
                <td className={styles.cell}>{m.email}</td>
                <td className={styles.cell}>{agencyName(m.agencyId)}</td>
                <td className={styles.cell}>{m.roles.join(', ')}</td>
                <td className={styles.cell}>{m.agencyLead ? 'Yes' : 'No'}</td>
                <td className={styles.cell}>{m.active ? 'Active' : 'Deactivated'}</td>
                <td className={styles.cell}>
                  <Button size="small" disabled={busy} onClick={() => startEditing(m)} aria-label={`Change ${m.name}`}>Change</Button>{' '}
                  {m.id !== me.member.id && (
                    <Button size="small" disabled={busy} onClick={() => void setActive(m, !m.active)} aria-label={`${m.active ? 'Deactivate' : 'Reactivate'} ${m.name}`}>
                      {m.active ? 'Deactivate' : 'Reactivate'}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableBox>
      <form className={styles.form} onSubmit={add} aria-label={editing ? `Change ${editing.name}` : 'Add a member'}>
        <Field label="Name" required><Input value={form.name} onChange={(_, d) => setForm({ ...form, name: d.value })} /></Field>
        <Field label="Work email" required><Input type="email" value={form.email} onChange={(_, d) => setForm({ ...form, email: d.value })} /></Field>
        <Field label="Entra object id" required hint="From the person's Entra ID profile (a GUID).">
          <Input value={form.aadObjectId} onChange={(_, d) => setForm({ ...form, aadObjectId: d.value })} />
        </Field>
        <Field label="Agency" required>
          <Select value={form.agencyId} onChange={(_, d) => setForm({ ...form, agencyId: d.value })}>
            <option value="">Choose an agency</option>
            {directory.agencies.filter((a) => a.active).map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </Select>
        </Field>
        <fieldset className={styles.buttons}>
          <legend>Roles</legend>
          {ROLES.map((role) => <Checkbox key={role} label={role} checked={form.roles.includes(role)} onChange={(_, d) => toggleRole(role, d.checked === true)} />)}
        </fieldset>
        <Checkbox label="Named person on restricted cases (agency lead)" checked={form.agencyLead} onChange={(_, d) => setForm({ ...form, agencyLead: d.checked === true })} />
        <Button type="submit" appearance="primary" disabled={busy}>{editing ? 'Save changes' : 'Add member'}</Button>
        {editing && <Button onClick={stopEditing} disabled={busy}>Cancel the change</Button>}
      </form>
      <LiveStatus busy={busy} message={busy ? 'Saving…' : status} />
      {error && <ErrorNotice title="The change was not made" message={error} />}
    </Section>
  );
}
