import { hasRole, isPanelMember } from './actor';
import { allow } from './policy';

// Partnership-wide work. Coordinators keep the lists, coordinate every referral (ask, list, withdraw) and run the scans; a data-quality problem and a member's email
// may quote personal data, so they are the coordinators' alone.
allow('partnership', ['coordinate', 'runOverdueScan', 'readDataQuality', 'readMemberEmails'], (a) => hasRole(a, 'coordinator'));
// The audit trail (search and export): coordinators, and auditors, whose whole job it is (they see no case otherwise).
allow('partnership', ['readAuditTrail'], (a) => hasRole(a, 'coordinator', 'auditor'));
// The screening queue and every agency's action list are the panel's working lists: coordinators and the chair.
allow('partnership', ['readScreeningQueue', 'readAnyAgencyActions'], (a) => hasRole(a, 'coordinator', 'chair'));

// Any member may list their own agency's actions (each still filtered by the action policy); the panel any agency's.
allow('agency', ['readActions'], (a, s) => (s.agencyId === a.member.agencyId && isPanelMember(a)) || hasRole(a, 'coordinator', 'chair'));
// The board's indicators are counts, never a person: board members (viewers), coordinators and chairs read them.
allow('partnership', ['readReports'], (a) => hasRole(a, 'viewer', 'coordinator', 'chair'));
// Members and agencies are kept by coordinators. Break-glass is for practitioners (partners and chairs) with a need the
// rules do not foresee; coordinators already see every case, viewers read counts only.
allow('partnership', ['manageMembers'], (a) => hasRole(a, 'coordinator'));
allow('partnership', ['breakGlass'], (a) => hasRole(a, 'partner', 'chair'));
// The quarterly access review: coordinators and auditors read every agency's; each agency's lead reads and confirms
// their own (an auditor confirms nothing).
allow('agency', ['readAccessReview'], (a, s) => hasRole(a, 'coordinator', 'auditor') || (a.member.agencyLead && a.member.agencyId === s.agencyId));
allow('agency', ['confirmAccessReview'], (a, s) => a.member.agencyLead && a.member.agencyId === s.agencyId && hasRole(a, 'partner', 'chair', 'coordinator'));
