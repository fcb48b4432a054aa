import { adminDirectorySchema, paths } from '../../../../src/contract';
import { messageOf } from '../../api/client';
import { useSession } from '../../auth/session';
import { PageHeading } from '../../components/PageHeading';
import { ErrorNotice, LiveStatus } from '../../components/Status';
import { useApi } from '../../hooks/useApi';
import { AccessReviewSection } from './AccessReviewSection';
import { AgenciesSection } from './AgenciesSection';
import { AuditSection } from './AuditSection';
import { DisposalSection } from './DisposalSection';
import { MembersSection } from './MembersSection';
import { useAdminStyles } from './adminStyles';

/**
 * Information governance: members and agencies (coordinators), the audit trail (coordinators and auditors), the
 * access review (coordinators, auditors, and each agency's lead for their own). Each section shows only when the server's `can` allows it.
 */
export default function AdminPage() {
  const styles = useAdminStyles();
  const { me } = useSession();
  const keeps = me.can.manageMembers;
  const path = paths.adminDirectory();
  const directory = useApi(keeps ? path : '', (c, signal) => (keeps ? c.get(path, adminDirectorySchema, signal) : Promise.resolve(undefined)));
  return (
    <div className={styles.page}>
      <PageHeading focusKey="admin">Admin</PageHeading>
      {keeps && <LiveStatus busy={directory.state === 'loading'} message={directory.state === 'loading' ? 'Loading members and agencies…' : ''} hidden={directory.state !== 'loading'} />}
      {directory.state === 'error' && <ErrorNotice title="Members and agencies could not be loaded" message={messageOf(directory.error)} onRetry={directory.reload} />}
      {directory.data && <MembersSection directory={directory.data} reload={directory.reload} />}
      {directory.data && <AgenciesSection directory={directory.data} reload={directory.reload} />}
      {me.can.reviewAccess && <AccessReviewSection />}
      {me.can.readAuditTrail && <AuditSection />}
      {keeps && <DisposalSection />}
    </div>
  );
}
