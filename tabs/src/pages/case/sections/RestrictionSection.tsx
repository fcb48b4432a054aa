import { Button, Field, Input, Radio, RadioGroup, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { type FormEvent, useMemo, useState } from 'react';
import { type FullCaseView, paths, savedCaseSchema } from '../../../../../src/contract';
import { useSession } from '../../../auth/session';
import { Section, useMutedStyles } from '../../../components/Section';
import { LiveStatus } from '../../../components/Status';
import { CheckboxGroup, ConflictNotice, SubmitFailure, errorProps } from '../../../forms/FormParts';
import { useDirectory } from '../../../hooks/useDirectory';
import { useCaseSave } from '../caseEdit';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '46rem' },
  // A long membership list scrolls in its own box, so the reason and the button stay near.
  members: { maxHeight: '18rem', overflowY: 'auto' },
});

/**
 * Restrict or unrestrict the case, naming who outside the lead agency may still see it, with a reason the audit
 * keeps. For whoever the server lets coordinate; the change holds at once everywhere (tab, bot, cards).
 */
export function RestrictionSection({ detail, onChanged }: { detail: FullCaseView; onChanged: () => void }) {
  const styles = useStyles();
  const muted = useMutedStyles();
  const { client, me } = useSession();
  const directory = useDirectory();
  const c = detail.case;
  const [restricted, setRestricted] = useState(c.restricted);
  const [named, setNamed] = useState<string[]>(c.namedMemberIds);
  const [filter, setFilter] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState('');
  const save = useCaseSave(detail, ['restricted', 'namedMemberIds', 'reason'], () => {
    setReason('');
    setTried(false);
    onChanged();
  });
  // Members who may be named: active, and working with cases (an auditor reads the audit trail, never a case).
  const options = useMemo(() => directory.members
    .filter((m) => m.active !== false && (m.roles?.length ? m.roles.some((r) => r !== 'auditor') : true))
    .filter((m) => named.includes(m.id) || !filter.trim() || m.name.toLowerCase().includes(filter.trim().toLowerCase()))
    .map((m) => ({ value: m.id, label: `${m.name} (${directory.agency(m.agencyId)?.shortName ?? m.agencyId})` })), [directory, filter, named]);
  if (!me.can.coordinate) return null;

  const current = c.restricted
    ? `Restricted: only the coordinators, the lead agency and ${c.namedMemberIds.length ? c.namedMemberIds.map((id) => directory.member(id)?.name ?? id).join(', ') : 'no named member'} can see it.`
    : 'Not restricted: the case is seen under the usual rules.';

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setTried(true);
    setDone('');
    if (!reason.trim()) return;
    const ok = await save.save((version) =>
      client.post(paths.caseRestriction(c.id), {
        restricted, namedMemberIds: restricted ? named : [], reason: reason.trim(), ...(version ? { expectedVersion: version } : {}),
      }, savedCaseSchema),
    );
    if (ok) setDone(restricted ? 'The case is restricted.' : 'The restriction is lifted.');
  }

  return (
    <Section title="Restriction" id="restriction-heading">
      <p className={muted.secondary}>{current}</p>
      <form className={styles.form} onSubmit={submit} noValidate aria-label="Restrict or unrestrict the case">
        <Field label="Access">
          <RadioGroup value={restricted ? 'yes' : 'no'} onChange={(_, d) => setRestricted(d.value === 'yes')}>
            <Radio value="yes" label="Restricted: coordinators, the lead agency and the members named below" />
            <Radio value="no" label="Not restricted" />
          </RadioGroup>
        </Field>
        {restricted && (
          <>
            <Field label="Find a member to name"><Input value={filter} onChange={(_, d) => setFilter(d.value)} /></Field>
            <div className={styles.members} tabIndex={0} role="region" aria-label="Members who may be named, scrollable">
              <CheckboxGroup id="restriction-named" legend="Named members who may see it" options={options} value={named} onChange={setNamed}
                hint="Outside the lead agency; each keeps access while the case is restricted." error={save.fieldErrors.namedMemberIds} />
            </div>
          </>
        )}
        <Field label="Reason" required hint="Kept in the audit trail." {...errorProps((tried && !reason.trim() ? 'Give the reason for the change.' : undefined) ?? save.fieldErrors.reason)}>
          <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" rows={2} maxLength={2000} />
        </Field>
        {save.conflict && <ConflictNotice changes={save.changes} onRetry={() => void submit()} />}
        <SubmitFailure error={save.failure} what="The restriction was" onRetry={() => void submit()} />
        <div>
          <Button type="submit" appearance="primary" disabledFocusable={save.busy}>
            {save.busy ? 'Saving…' : restricted ? 'Save restriction' : 'Save: not restricted'}
          </Button>
        </div>
      </form>
      <LiveStatus message={done} />
    </Section>
  );
}
