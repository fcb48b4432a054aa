/**
 * Break-glass: a member outside the access rules opens a case they have a genuine need to read, saying why. The read
 * lasts this long from the moment they break the glass; after it the case is closed to them again (judged by the
 * policies on every read), and coordinators are told at once.
 */
export const BREAK_GLASS_HOURS = 4;

/** The least a stated reason may be: a word or two is not a reason. */
export const BREAK_GLASS_MIN_REASON = 10;

export const breakGlassUntil = (at: Date, hours: number = BREAK_GLASS_HOURS): Date => new Date(at.getTime() + hours * 3_600_000);
