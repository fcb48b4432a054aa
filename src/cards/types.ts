/** An Adaptive Card as sent (already expanded from its template). */
export type AdaptiveCardJson = Record<string, unknown>;
