import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { type ReactNode, type RefObject, useLayoutEffect, useRef, useState } from 'react';

const useStyles = makeStyles({
  box: {
    overflowX: 'auto',
    maxWidth: '100%',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: tokens.strokeWidthThin },
  },
});

/** Whether the element's content is wider than the element, kept true to its size as the window or content changes. */
function useScrollsSideways(ref: RefObject<HTMLDivElement | null>): boolean {
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, [ref]);
  return scrolls;
}

/**
 * A box whose content (a wide table) scrolls sideways inside it, never the page. While it does scroll it is a named,
 * focusable region, so keyboard users can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable); when the
 * content fits it is a plain box and adds no tab stop.
 */
export function ScrollBox({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  const styles = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  const scrolls = useScrollsSideways(ref);
  return (
    <div
      ref={ref}
      className={mergeClasses(styles.box, className)}
      {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': `${label}, scrolls sideways` } : {})}
    >
      {children}
    </div>
  );
}
