import { safeStorage } from '../safeStorage';

// Local mode only: which demo persona this browser acts as. Not a secret: the server accepts the Dev header only
// in local mode.
const KEY = 'riskpanel.persona';

export const loadPersona = (): string | undefined => safeStorage()?.getItem(KEY) ?? undefined;
export const savePersona = (email: string): void => safeStorage()?.setItem(KEY, email);
export const forgetPersona = (): void => safeStorage()?.removeItem(KEY);
