import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { HistoryRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { type AuditLine, caseAuditSchema, paths } from '../../../../../src/contract';
import { useApiClient } from '../../../auth/session';
import { Section, useMutedStyles } from '../../../components/Section';
import { ErrorNotice, LiveStatus } from '../../../components/Status';
import { ResponsiveTable } from '../../../components/layout/ResponsiveTable';
import { useCompactLayout } from '../../../components/layout/useCompactLayout';
import { formatDateTime } from '../../../format';
import { useDirectory } from '../../../hooks/useDirectory';
import { UserText } from '../../../components/UserText';

const useStyles = makeStyles({
  // Wide screens: the trail scrolls in its own box under the heading. On a phone it stacks as cards in the page's
  // own scroll (a scroll box inside a scrolling page is hard to use with a thumb).
  wrap: { maxHeight: '32rem', overflowY: 'auto' },
  table: { minWidth: '760px' },
  change: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

const ACTION_WORDS: Record<string, string> = { view: 'Viewed', create: 'Created', update: 'Changed', export: 'Exported', share: 'Shared', sign_in: 'Signed in', denied: 'Refused' };

/** What the change was, briefly: the audit keeps field names and from → to values, never narrative text. */
function describeChange(change: Record<string, unknown> | null | undefined): string {
  if (!change) return '';
  return Object.entries(change)
    .map(([key, value]) => {
      if (value && typeof value === 'object' && 'from' in value && 'to' in value) {
        const v = value as { from: unknown; to: unknown };
        return `${key}: ${String(v.from ?? '—')} → ${String(v.to ?? '—')}`;
      }
      return `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`;
    })
    .join('\n');
}

/**
 * Who viewed and changed the case, for coordinators. Loaded only when asked for: reading the trail is itself
 * recorded in it.
 */
export function AuditSection({ caseId }: { caseId: string }) {
  const styles = useStyles();
  const muted = useMutedStyles();
  const compact = useCompactLayout();
  const client = useApiClient();
  const directory = useDirectory();
  const [state, setState] = useState<{ phase: 'idle' | 'loading' | 'ready' | 'error'; events?: AuditLine[]; error?: Error }>({ phase: 'idle' });

  async function load() {
    setState({ phase: 'loading' });
    try {
      const audit = await client.get(paths.caseAudit(caseId), caseAuditSchema);
      setState({ phase: 'ready', events: audit.events });
    } catch (error) {
      setState({ phase: 'error', error: error instanceof Error ? error : new Error(String(error)) });
    }
  }

  const who = (e: AuditLine) => (
    <>
      <UserText>{e.actorName}</UserText>
      {e.actorAgencyId && directory.agency(e.actorAgencyId) ? <span className={muted.muted}>, {directory.agency(e.actorAgencyId)!.shortName}</span> : null}
    </>
  );
  const what = (e: AuditLine) => `${ACTION_WORDS[e.action] ?? e.action} ${e.recordType}`;
  const table = state.phase === 'ready' && (
    <ResponsiveTable
      label="Audit trail"
      size="small"
      rows={[...state.events!].reverse()}
      rowKey={(e) => e.id}
      tableClassName={styles.table}
      columns={[
        { key: 'when', header: 'When', cell: (e) => <time dateTime={e.at}>{formatDateTime(e.at)}</time> },
        { key: 'who', header: 'Who', cell: who },
        { key: 'what', header: 'What', cell: what },
        { key: 'change', header: 'Change', cell: (e) => <span className={styles.change}>{describeChange(e.change)}</span> },
        { key: 'reason', header: 'Reason', cell: (e) => <UserText>{e.reason ?? ''}</UserText> },
      ]}
      stacked={{ title: (e) => <strong>{what(e)}</strong>, details: ['when', 'who', 'change', 'reason'] }}
    />
  );

  return (
    <Section
      title="Audit trail"
      id="audit-heading"
      tools={
        <Button icon={<HistoryRegular />} onClick={() => void load()} disabledFocusable={state.phase === 'loading'}>
          {state.phase === 'ready' ? 'Reload the audit trail' : 'Show the audit trail'}
        </Button>
      }
    >
      {state.phase === 'idle' && <p className={muted.muted}>Every view and change of this case is recorded. Showing the trail is recorded too.</p>}
      {state.phase === 'loading' && <LiveStatus message="Loading the audit trail…" busy />}
      {state.phase === 'error' && <ErrorNotice title="The audit trail could not be loaded" message={state.error!.message} onRetry={() => void load()} />}
      {state.phase === 'ready' && (
        <>
          <LiveStatus message={`${state.events!.length} audit events.`} />
          {compact ? table : (
            <div className={styles.wrap} tabIndex={0} role="region" aria-label="Audit events, scrollable">
              {table}
            </div>
          )}
        </>
      )}
    </Section>
  );
}
