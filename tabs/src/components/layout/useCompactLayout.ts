import { useSyncExternalStore } from 'react';
import { useHost } from '../../theme/HostThemeProvider';

/**
 * Below this width the tab lays out for a phone or the meeting side panel (320 px): one column, menus instead of
 * rows of links and controls, stacked rows instead of tables. The CSS in ./breakpoints uses the same figure.
 */
export const COMPACT_MAX_WIDTH = 640;
export const COMPACT_QUERY = `(max-width: ${COMPACT_MAX_WIDTH - 0.02}px)`;

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia?.(COMPACT_QUERY);
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

const narrowNow = (): boolean => window.matchMedia?.(COMPACT_QUERY).matches ?? false;

/** True while the viewport is narrower than COMPACT_MAX_WIDTH; follows rotation and resizing. */
export const useNarrowViewport = (): boolean => useSyncExternalStore(subscribe, narrowNow, () => false);

/**
 * Whether to lay out for a phone: a narrow viewport, or Teams' mobile app saying it is a phone (its webview can
 * report a wider layout viewport in landscape, where thumbs still need the phone layout).
 */
export function useCompactLayout(): boolean {
  const narrow = useNarrowViewport();
  const { formFactor } = useHost();
  return narrow || formFactor === 'phone';
}
