import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { type FullCaseView } from '../../../../../src/contract';
import { useSession } from '../../../auth/session';
import { Section, useMutedStyles } from '../../../components/Section';
import { ResponsiveTable } from '../../../components/layout/ResponsiveTable';
import { UserText } from '../../../components/UserText';
import { formatDateTime } from '../../../format';
import { useDirectory } from '../../../hooks/useDirectory';

type Grant = NonNullable<FullCaseView['case']['breakGlass']>[number];

const useStyles = makeStyles({
  reason: { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  flag: { maxWidth: '100%', whiteSpace: 'normal', height: 'auto', paddingBlock: tokens.spacingVerticalXXS },
});

/**
 * Break-glass openings of this case, for the coordinators (who are told of each at once): who, from which agency,
 * when, why and until when. Shown when the server lets the viewer coordinate and the case has been opened this way.
 */
export function BreakGlassSection({ detail }: { detail: FullCaseView }) {
  const styles = useStyles();
  const muted = useMutedStyles();
  const { me } = useSession();
  const directory = useDirectory();
  const grants = detail.case.breakGlass ?? [];
  if (!me.can.coordinate || grants.length === 0) return null;
  const now = new Date().toISOString();
  const rows = [...grants].sort((a, b) => (a.at < b.at ? 1 : -1));
  return (
    <Section title="Break-glass openings" id="breakglass-heading">
      <p className={muted.secondary}>
        Members outside the rules who opened this case by break-glass, with the reason they gave. Each opening is in the audit trail.
      </p>
      <ResponsiveTable<Grant>
        label="Break-glass openings"
        size="small"
        rows={rows}
        rowKey={(g) => `${g.memberId}-${g.at}`}
        columns={[
          { key: 'who', header: 'Who', cell: (g) => <UserText>{`${directory.member(g.memberId)?.name ?? g.memberId}, ${directory.agency(g.agencyId)?.shortName ?? g.agencyId}`}</UserText> },
          { key: 'when', header: 'Opened', cell: (g) => <time dateTime={g.at}>{formatDateTime(g.at)}</time> },
          { key: 'until', header: 'Access until', cell: (g) => <><time dateTime={g.until}>{formatDateTime(g.until)}</time>{g.until > now ? ' (open now)' : ' (ended)'}</> },
          { key: 'reason', header: 'Reason', cell: (g) => <span className={styles.reason}><UserText>{g.reason}</UserText></span> },
        ]}
        stacked={{ title: (g) => <strong>{directory.member(g.memberId)?.name ?? g.memberId}</strong>, details: ['when', 'until', 'reason'] }}
      />
    </Section>
  );
}

/**
 * The header's flag when the viewer is here by break-glass: their own live opening of the case, with its end. This
 * decides nothing: the server already let them read the case, and it ends the access at that time.
 */
export function BreakGlassFlag({ detail }: { detail: FullCaseView }) {
  const styles = useStyles();
  const { me } = useSession();
  const now = new Date().toISOString();
  const mine = (detail.case.breakGlass ?? []).filter((g) => g.memberId === me.member.id && g.until > now).sort((a, b) => (a.until < b.until ? 1 : -1))[0];
  if (!mine) return null;
  return (
    <Badge appearance="filled" color="danger" size="large" className={styles.flag}>
      Opened by break-glass: access until {formatDateTime(mine.until)}
    </Badge>
  );
}
