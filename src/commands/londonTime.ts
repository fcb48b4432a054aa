const LONDON = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'long', timeStyle: 'short' });

/** Times are stored in UTC and told to people in UK time: "15 June 2026 at 10:00". */
export const londonDateTime = (iso: string): string => LONDON.format(new Date(iso));
