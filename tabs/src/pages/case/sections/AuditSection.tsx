import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { HistoryRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { type AuditLine, caseAuditSchema, paths } from '../../../../../src/contract';
import { useApiClient } from '../../../auth/session';
import { Section, useMutedStyles } from '../../../components/Section';
import { ErrorNotice, LiveStatus } from '../../../components/Status';
import { useStaticRowStyles } from '../../../components/tableStyles';
import { formatDateTime } from '../../../format';
import { useDirectory } from '../../../hooks/useDirectory';
import { UserText } from '../../../components/UserText';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto', maxHeight: '32rem', overflowY: 'auto' },
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
  const rowStyles = useStaticRowStyles();
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
          <div className={styles.wrap} tabIndex={0} role="region" aria-label="Audit events, scrollable">
            <Table aria-label="Audit trail" className={styles.table} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>When</TableHeaderCell>
                  <TableHeaderCell>Who</TableHeaderCell>
                  <TableHeaderCell>What</TableHeaderCell>
                  <TableHeaderCell>Change</TableHeaderCell>
                  <TableHeaderCell>Reason</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {[...state.events!].reverse().map((e) => (
                  <TableRow key={e.id} className={rowStyles.row}>
                    <TableCell>
                      <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                    </TableCell>
                    <TableCell>
                      <UserText>{e.actorName}</UserText>
                      {e.actorAgencyId && directory.agency(e.actorAgencyId) ? <span className={muted.muted}>, {directory.agency(e.actorAgencyId)!.shortName}</span> : null}
                    </TableCell>
                    <TableCell>
                      {ACTION_WORDS[e.action] ?? e.action} {e.recordType}
                    </TableCell>
                    <TableCell>
                      <span className={styles.change}>{describeChange(e.change)}</span>
                    </TableCell>
                    <TableCell>
                      <UserText>{e.reason ?? ''}</UserText>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </Section>
  );
}
