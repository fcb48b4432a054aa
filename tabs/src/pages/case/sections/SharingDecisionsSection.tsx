import { Button, Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { ShareRegular } from '@fluentui/react-icons';
import { type FormEvent, useState } from 'react';
import { type SharingDecisions, paths, sharingDecisionSchema, sharingDecisionsSchema } from '../../../../../src/contract';
import { useApiClient } from '../../../auth/session';
import { Section, useMutedStyles } from '../../../components/Section';
import { ErrorNotice, LiveStatus } from '../../../components/Status';
import { ResponsiveTable } from '../../../components/layout/ResponsiveTable';
import { UserText } from '../../../components/UserText';
import { SubmitFailure, errorProps } from '../../../forms/FormParts';
import { useSubmit } from '../../../forms/useSubmit';
import { formatDateTime } from '../../../format';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '46rem' },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  cell: { overflowWrap: 'anywhere' },
});

type Line = SharingDecisions['decisions'][number];
const FIELDS = ['what', 'withWhom', 'why', 'basis'] as const;
type Form = Record<(typeof FIELDS)[number], string>;
const EMPTY: Form = { what: '', withWhom: '', why: '', basis: '' };
const LABELS: Record<keyof Form, string> = { what: 'What was shared', withWhom: 'With whom', why: 'Why', basis: 'Lawful basis' };
const SOURCE: Record<Line['source'], string> = { decision: 'Panel decision', share: 'Shared', export: 'Exported' };

/**
 * Golden rule 7 on the case: every time its information left the panel (a decision's sharing, a recorded share, an
 * export), with what, with whom, why, the lawful basis and by whom; and, where the server allows it, a form to record
 * a share made outside a panel decision. Loaded when asked for: reading the list is itself audited.
 */
export function SharingDecisionsSection({ caseId }: { caseId: string }) {
  const styles = useStyles();
  const muted = useMutedStyles();
  const client = useApiClient();
  const [state, setState] = useState<{ phase: 'idle' | 'loading' | 'ready' | 'error'; data?: SharingDecisions; error?: Error }>({ phase: 'idle' });
  const [form, setForm] = useState<Form>(EMPTY);
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState('');
  const submit = useSubmit(FIELDS);

  async function load() {
    setState((s) => ({ ...s, phase: 'loading' }));
    try {
      setState({ phase: 'ready', data: await client.get(paths.caseSharingDecisions(caseId), sharingDecisionsSchema) });
    } catch (error) {
      setState({ phase: 'error', error: error instanceof Error ? error : new Error(String(error)) });
    }
  }

  const missing = (k: keyof Form) => (tried && !form[k].trim() ? `Say ${LABELS[k].toLowerCase()}.` : undefined);
  async function record(event?: FormEvent) {
    event?.preventDefault();
    setTried(true);
    setSaved('');
    if (FIELDS.some((k) => !form[k].trim())) return;
    const body = Object.fromEntries(FIELDS.map((k) => [k, form[k].trim()]));
    const result = await submit.run(() => client.post(paths.caseSharingDecisions(caseId), body, sharingDecisionSchema));
    if (result.ok) {
      setForm(EMPTY);
      setTried(false);
      setSaved('Sharing decision recorded.');
      await load();
    }
  }

  const lines = state.data?.decisions ?? [];
  const field = (k: keyof Form, hint: string, long = false) => (
    <Field label={LABELS[k]} required hint={hint} {...errorProps(missing(k) ?? submit.fieldErrors[k])}>
      {long ? (
        <Textarea value={form[k]} onChange={(_, d) => setForm({ ...form, [k]: d.value })} resize="vertical" rows={2} maxLength={2000} />
      ) : (
        <Input value={form[k]} onChange={(_, d) => setForm({ ...form, [k]: d.value })} maxLength={1000} />
      )}
    </Field>
  );

  return (
    <Section
      title="Information sharing"
      id="sharing-heading"
      tools={
        <Button icon={<ShareRegular />} onClick={() => void load()} disabledFocusable={state.phase === 'loading'}>
          {state.phase === 'ready' ? 'Reload sharing decisions' : 'Show sharing decisions'}
        </Button>
      }
    >
      {state.phase === 'idle' && <p className={muted.muted}>Where this case&apos;s information left the panel: what, with whom, why, the lawful basis and by whom. Showing the list is recorded in the audit trail.</p>}
      {state.phase === 'loading' && <LiveStatus message="Loading sharing decisions…" busy />}
      {state.phase === 'error' && <ErrorNotice title="Sharing decisions could not be loaded" message={state.error!.message} onRetry={() => void load()} />}
      {state.data && (
        <>
          <LiveStatus message={`${lines.length} sharing decision${lines.length === 1 ? '' : 's'}.`} />
          {lines.length === 0 ? (
            <p className={muted.muted}>No information from this case has been shared outside the panel.</p>
          ) : (
            <ResponsiveTable
              label="Sharing decisions"
              size="small"
              rows={lines}
              rowKey={(l) => `${l.at}-${l.byMemberId}-${l.source}`}
              columns={[
                { key: 'when', header: 'When', cell: (l) => <time dateTime={l.at}>{formatDateTime(l.at)}</time> },
                { key: 'source', header: 'How', cell: (l) => SOURCE[l.source] },
                { key: 'what', header: 'What', cell: (l) => <span className={styles.cell}><UserText>{l.sharing?.what ?? l.detail ?? ''}</UserText></span> },
                { key: 'withWhom', header: 'With whom', cell: (l) => <UserText>{l.sharing?.withWhom ?? ''}</UserText> },
                { key: 'why', header: 'Why', cell: (l) => <span className={styles.cell}><UserText>{l.sharing?.why ?? ''}</UserText></span> },
                { key: 'basis', header: 'Lawful basis', cell: (l) => <UserText>{l.sharing?.basis ?? ''}</UserText> },
                { key: 'by', header: 'By', cell: (l) => <UserText>{l.byName}</UserText> },
              ]}
              stacked={{ title: (l) => <strong>{SOURCE[l.source]}</strong>, details: ['when', 'what', 'withWhom', 'why', 'basis', 'by'] }}
            />
          )}
          {state.data.canRecord && (
            <form className={styles.form} onSubmit={record} noValidate aria-labelledby="sharing-form-heading">
              <h3 id="sharing-form-heading" className={styles.h3}>Record a sharing decision</h3>
              {field('what', 'The information, briefly: for example the risk summary and the plan.', true)}
              {field('withWhom', 'The organisation or role it went to.')}
              {field('why', 'The purpose: what the sharing protects the adult or others from.', true)}
              {field('basis', 'For example UK GDPR Article 6(1)(e) and 9(2)(g), or consent.')}
              <SubmitFailure error={submit.failure} what="The sharing decision was" onRetry={() => void record()} />
              <div>
                <Button type="submit" appearance="primary" disabledFocusable={submit.busy}>
                  {submit.busy ? 'Recording…' : 'Record sharing decision'}
                </Button>
              </div>
            </form>
          )}
        </>
      )}
      <LiveStatus message={saved} />
    </Section>
  );
}
