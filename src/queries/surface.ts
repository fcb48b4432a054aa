import { z } from 'zod';

/**
 * Where an answer is shown. 'personal': to the one person who asked or pressed (API, tab, a personal chat, the
 * response to a card press or refresh). 'shared': many people see it (a channel or group chat, the card that updates a
 * channel message for everyone): reference, initials and state only, and a restricted case reads "Restricted case".
 */
export const surface = z.enum(['personal', 'shared']);
export type Surface = z.infer<typeof surface>;

/** What a shared surface shows instead of a restricted case's reference and initials. */
export const RESTRICTED_CASE = 'Restricted case';
