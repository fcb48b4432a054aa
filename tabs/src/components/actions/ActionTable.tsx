import {
  Badge, Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useRef } from 'react';
import { isActionFinished, isOverdue } from '../../../../src/domain/rules';
import { useFocusRescue } from '../../a11y/useFocusRescue';
import type { ActionItem } from '../../api/schemas';
import { useSession } from '../../auth/session';
import { formatDateTime, formatDay } from '../../format';
import { useDirectory } from '../../hooks/useDirectory';
import { ACTION_STATUS_LABELS } from '../../labels';
import { mayUpdateAction } from '../../permissions';
import { caseHref } from '../../routing/useHashRoute';
import { useStaticRowStyles } from '../tableStyles';
import { ActionUpdateButtons } from './ActionDialogs';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: { minWidth: '720px' },
  actionColumn: { width: '34%' },
  what: { display: 'grid', gap: tokens.spacingVerticalXXS, paddingBlock: tokens.spacingVerticalS },
  measure: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  latest: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`, paddingLeft: tokens.spacingHorizontalS },
  statusCell: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Overdue first (longest overdue first), then by due date: the order people chase actions in. */
export function byUrgency(a: ActionItem, b: ActionItem, today = new Date()): number {
  const ao = a.overdue ?? isOverdue(a, today);
  const bo = b.overdue ?? isOverdue(b, today);
  if (ao !== bo) return ao ? -1 : 1;
  const af = isActionFinished(a);
  const bf = isActionFinished(b);
  if (af !== bf) return af ? 1 : -1;
  return a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : 1;
}

export interface ActionTableProps {
  actions: ActionItem[];
  /** The table's accessible name (its heading's text). */
  label: string;
  /** Lists across cases show which case each action belongs to. */
  showCase?: boolean;
  onChanged: () => void;
  /** The action as it now stands, for showing a conflict. */
  latest: (id: string) => Promise<ActionItem | undefined>;
  /** Only where the tab has the case's own answer (getCase `can`) may this be false for everyone. */
  allowUpdates?: boolean;
}

/** A plan's actions: what, by whom, by when, how it is going; the owner's updates in the row itself. */
export function ActionTable({ actions, label, showCase, onChanged, latest, allowUpdates = true }: ActionTableProps) {
  const styles = useStyles();
  const rowStyles = useStaticRowStyles();
  const directory = useDirectory();
  const { me } = useSession();
  const today = new Date();
  const sorted = [...actions].sort((a, b) => byUrgency(a, b, today));
  const tableRef = useRef<HTMLTableElement>(null);
  // A finished action leaves lists of open ones, with the button that had focus: focus goes to the table instead.
  useFocusRescue(tableRef, [actions]);
  return (
    <div className={styles.wrap}>
      <Table ref={tableRef} tabIndex={-1} aria-label={label} className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.actionColumn}>Action</TableHeaderCell>
            {showCase && <TableHeaderCell>Case</TableHeaderCell>}
            <TableHeaderCell>Owner</TableHeaderCell>
            <TableHeaderCell>Due</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>Update</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sorted.map((a) => {
            const owner = directory.member(a.ownerId);
            const agency = directory.agency(a.agencyId ?? owner?.agencyId);
            const overdue = a.overdue ?? isOverdue(a, today);
            const latestNote = a.progress?.at(-1);
            const finished = isActionFinished(a);
            const may = allowUpdates && !finished && mayUpdateAction(me, a);
            return (
              <TableRow key={a.id} className={rowStyles.row}>
                <TableCell>
                  <div className={styles.what}>
                    <Text>{a.description}</Text>
                    {a.successMeasure && <span className={styles.measure}>Done when: {a.successMeasure}</span>}
                    {latestNote && (
                      <span className={styles.latest}>
                        Latest progress ({formatDateTime(latestNote.at)}, {directory.member(latestNote.byMemberId)?.name ?? 'a member'}): {latestNote.note}
                      </span>
                    )}
                    {a.evidence && <span className={styles.latest}>Outcome: {a.evidence}</span>}
                  </div>
                </TableCell>
                {showCase && (
                  <TableCell>
                    {a.caseId && a.caseRef ? (
                      <>
                        <Link href={caseHref(a.caseId)}>{a.caseRef}</Link>
                        {a.caseInitials && <span className={styles.muted}> ({a.caseInitials})</span>}
                      </>
                    ) : (
                      <span className={styles.muted}>Not a case action</span>
                    )}
                  </TableCell>
                )}
                <TableCell>
                  {a.ownerName ?? owner?.name ?? 'Unknown member'}
                  {agency && <span className={styles.muted}>, {agency.shortName}</span>}
                </TableCell>
                <TableCell>
                  <time dateTime={a.dueDate}>{formatDay(a.dueDate)}</time>
                </TableCell>
                <TableCell>
                  <span className={styles.statusCell}>
                    {ACTION_STATUS_LABELS[a.status]}
                    {overdue && (
                      <Badge appearance="filled" color="danger" shape="rounded">
                        Overdue
                      </Badge>
                    )}
                    {overdue && a.daysOverdue ? <span className={styles.muted}>by {a.daysOverdue === 1 ? '1 day' : `${a.daysOverdue} days`}</span> : null}
                  </span>
                </TableCell>
                <TableCell>
                  {may ? (
                    <ActionUpdateButtons action={a} onChanged={onChanged} latest={() => latest(a.id)} />
                  ) : (
                    <span className={styles.muted}>{finished ? 'Finished' : 'Owner updates'}</span>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
