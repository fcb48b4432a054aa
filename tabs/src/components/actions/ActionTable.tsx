import { Badge, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import { isActionFinished } from '../../../../src/domain/rules';
import { useFocusRescue } from '../../a11y/useFocusRescue';
import type { ActionItem, CaseAction } from '../../../../src/contract';
import { formatDateTime, formatDay } from '../../format';
import { useDirectory } from '../../hooks/useDirectory';
import { ACTION_STATUS_LABELS } from '../../labels';
import { UserText } from '../UserText';
import { caseHref } from '../../routing/useHashRoute';
import { type ResponsiveColumn, ResponsiveTable } from '../layout/ResponsiveTable';
import { ActionUpdateButtons } from './ActionDialogs';

const useStyles = makeStyles({
  table: { minWidth: '720px' },
  actionColumn: { width: '34%' },
  what: { display: 'grid', gap: tokens.spacingVerticalXXS, paddingBlock: tokens.spacingVerticalS },
  measure: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  latest: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`, paddingLeft: tokens.spacingHorizontalS },
  statusCell: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** An action as a list across cases carries it (with its case's reference) or as its case carries it (with its notes). */
export type ActionRow = ActionItem | CaseAction;

/** Overdue first (longest overdue first), then by due date: the order people chase actions in. */
export function byUrgency(a: ActionRow, b: ActionRow): number {
  // `overdue` is the server's (London days): the tab does not work it out again.
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const af = isActionFinished(a);
  const bf = isActionFinished(b);
  if (af !== bf) return af ? 1 : -1;
  return a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : 1;
}

export interface ActionTableProps {
  actions: ActionRow[];
  /** The table's accessible name (its heading's text). */
  label: string;
  /** Lists across cases show which case each action belongs to. */
  showCase?: boolean;
  onChanged: () => void;
  /** The action as it now stands, for showing a conflict. */
  latest: (id: string) => Promise<ActionRow | undefined>;
}

/** A plan's actions: what, by whom, by when, how it is going; the owner's updates in the row itself. */
export function ActionTable({ actions, label, showCase, onChanged, latest }: ActionTableProps) {
  const styles = useStyles();
  const directory = useDirectory();
  const sorted = [...actions].sort((a, b) => byUrgency(a, b));
  const tableRef = useRef<HTMLTableElement & HTMLUListElement>(null);
  // A finished action leaves lists of open ones, with the button that had focus: focus goes to the table instead.
  useFocusRescue(tableRef, [actions]);

  const what = (a: ActionRow) => {
    const latestNote = 'progress' in a ? a.progress.at(-1) : undefined;
    const evidence = 'evidence' in a ? a.evidence : undefined;
    return (
      <div className={styles.what}>
        <Text>
          <UserText>{a.description}</UserText>
        </Text>
        {a.successMeasure && (
          <span className={styles.measure}>
            Done when: <UserText>{a.successMeasure}</UserText>
          </span>
        )}
        {latestNote && (
          <span className={styles.latest}>
            Latest progress ({formatDateTime(latestNote.at)}, <UserText>{directory.member(latestNote.byMemberId)?.name ?? 'a member'}</UserText>): <UserText>{latestNote.note}</UserText>
          </span>
        )}
        {evidence && (
          <span className={styles.latest}>
            Outcome: <UserText>{evidence}</UserText>
          </span>
        )}
      </div>
    );
  };
  const caseOf = (a: ActionRow) =>
    'caseRef' in a && a.caseId && a.caseRef ? (
      <>
        <Link href={caseHref(a.caseId)}>{a.caseRef}</Link>
        {a.caseInitials && (
          <span className={styles.muted}>
            {' '}
            (<UserText>{a.caseInitials}</UserText>)
          </span>
        )}
      </>
    ) : (
      <span className={styles.muted}>Not a case action</span>
    );
  const owner = (a: ActionRow) => {
    const agency = directory.agency(a.agencyId);
    return (
      <>
        <UserText>{('ownerName' in a ? a.ownerName : undefined) ?? directory.member(a.ownerId)?.name ?? 'Unknown member'}</UserText>
        {agency && <span className={styles.muted}>, {agency.shortName}</span>}
      </>
    );
  };
  const status = (a: ActionRow) => (
    <span className={styles.statusCell}>
      {ACTION_STATUS_LABELS[a.status]}
      {a.overdue && (
        <Badge appearance="filled" color="danger" shape="rounded">
          Overdue
        </Badge>
      )}
      {a.overdue && a.daysOverdue ? <span className={styles.muted}>by {a.daysOverdue === 1 ? '1 day' : `${a.daysOverdue} days`}</span> : null}
    </span>
  );
  const update = (a: ActionRow) => {
    const finished = isActionFinished(a);
    // The server says what this member may do to this action; a finished one takes no more updates.
    const may = !finished && (a.can.addProgress || a.can.complete || a.can.changeDueDate);
    return may ? (
      <ActionUpdateButtons action={a} can={a.can} onChanged={onChanged} latest={() => latest(a.id)} />
    ) : (
      <span className={styles.muted}>{finished ? 'Finished' : 'Owner updates'}</span>
    );
  };

  const columns: ResponsiveColumn<ActionRow>[] = [
    { key: 'action', header: 'Action', cell: what, headerClassName: styles.actionColumn },
    ...(showCase ? [{ key: 'case', header: 'Case', cell: caseOf }] : []),
    { key: 'owner', header: 'Owner', cell: owner },
    { key: 'due', header: 'Due', cell: (a) => <time dateTime={a.dueDate}>{formatDay(a.dueDate)}</time> },
    { key: 'status', header: 'Status', cell: status },
    { key: 'update', header: 'Update', cell: update },
  ];
  return (
    <ResponsiveTable
      label={label}
      rows={sorted}
      rowKey={(a) => a.id}
      columns={columns}
      tableClassName={styles.table}
      containerRef={tableRef}
      // On a phone: the case (reference and initials) and the state first, then what and by when, the buttons last.
      stacked={{
        title: (a) => (showCase ? <span>{caseOf(a)}</span> : null),
        state: status,
        details: ['action', 'owner', 'due'],
        action: update,
      }}
    />
  );
}
