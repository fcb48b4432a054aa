import { hasRole } from './actor';
import { allow } from './policy';

// Meeting dates and status are not personal data: every member sees the panels; coordinators and chairs run them.
allow('meeting', ['read'], (a) => hasRole(a, 'coordinator', 'chair', 'partner', 'viewer'));
allow('meeting', ['manage'], (a) => hasRole(a, 'coordinator', 'chair'));
