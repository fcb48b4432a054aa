import { hasRole } from './actor';
import { allow } from './policy';

// Partnership-wide work. Coordinators keep the lists, coordinate every referral (ask, list, withdraw) and run the scans; a data-quality problem and a member's email
// may quote personal data, so they are the coordinators' alone.
allow('partnership', ['coordinate', 'runOverdueScan', 'readDataQuality', 'readMemberEmails', 'readAuditTrail'], (a) => hasRole(a, 'coordinator'));
// The screening queue and every agency's action list are the panel's working lists: coordinators and the chair.
allow('partnership', ['readScreeningQueue', 'readAnyAgencyActions'], (a) => hasRole(a, 'coordinator', 'chair'));

// Any member may list their own agency's actions (each still filtered by the action policy); the panel any agency's.
allow('agency', ['readActions'], (a, s) => s.agencyId === a.member.agencyId || hasRole(a, 'coordinator', 'chair'));
// The board's indicators are counts, never a person: board members (viewers), coordinators and chairs read them.
allow('partnership', ['readReports'], (a) => hasRole(a, 'viewer', 'coordinator', 'chair'));
