import { hasRole } from './actor';
import { allow } from './policy';

// Meeting dates and status are not personal data: every member sees the panels; coordinators and chairs run them.
allow('meeting', ['read'], (a) => hasRole(a, 'coordinator', 'chair', 'partner', 'viewer'));
// Panel members see the agenda they will discuss (references and initials); viewers (the board) its shape only.
allow('meeting', ['readAgenda'], (a) => hasRole(a, 'coordinator', 'chair', 'partner'));
allow('meeting', ['manage'], (a) => hasRole(a, 'coordinator', 'chair'));
