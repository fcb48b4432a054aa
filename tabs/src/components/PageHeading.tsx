import { makeStyles, tokens } from '@fluentui/react-components';
import { type ReactNode, useEffect, useRef } from 'react';

const useStyles = makeStyles({
  h1: {
    margin: `0 0 ${tokens.spacingVerticalL}`,
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
    ':focus': { outline: 'none' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

// Until the user has clicked or pressed a key, the page is still loading by itself: headings do not take focus.
let userHasActed = false;
for (const type of ['pointerdown', 'keydown'] as const) {
  window.addEventListener(type, () => (userHasActed = true), { capture: true, once: true });
}

/**
 * The page's one h1. When the page changes after something the user did, it takes focus, so a screen reader
 * announces the new page as a full page load would, and keyboard users start from the top of the new content
 * rather than from a control that has just disappeared.
 */
export function PageHeading({ children, focusKey }: { children: ReactNode; focusKey: string }) {
  const styles = useStyles();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (userHasActed) ref.current?.focus();
  }, [focusKey]);
  return (
    <h1 ref={ref} tabIndex={-1} className={styles.h1}>
      {children}
    </h1>
  );
}
