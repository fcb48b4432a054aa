import { escalationCommand } from '../kernel/escalationCommand';

export const escalateCase = escalationCommand('escalateCase', 'escalated', 'Escalate an open case back to the panel because the risk has risen');
