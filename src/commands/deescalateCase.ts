import { escalationCommand } from '../kernel/escalationCommand';

export const deescalateCase = escalationCommand('deescalateCase', 'open', 'Return an escalated case to normal review now the risk has fallen');
